import enum

from sqlalchemy import Column, Integer, String, Table, and_, delete, not_, or_, select, update
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String)
    email = Column(String)
    role = Column(String)


users_table = User.__table__


def legacy_query(db: Session, name, ids):
    db.query(User).filter(User.name == name and User.role == "admin")  # Noncompliant {{Use "and_(...)" (or separate arguments) instead of "and": Python keeps only one of the conditions and the other is silently dropped.}}
#                                           ^^^
    db.query(User).filter(User.email is None).all()  # Noncompliant {{Use ".is_(...)" instead of "is": Python compares the column object itself and the filter becomes a constant.}}
#                                    ^^
    db.query(User).filter(User.email is not None).all()  # Noncompliant {{Use ".is_not(...)" instead of "is not": Python compares the column object itself and the filter becomes a constant.}}
    db.query(User).filter(User.id in ids).all()  # Noncompliant {{Use ".in_(...)" instead of "in": Python evaluates the membership test itself and the filter becomes a constant.}}
    db.query(User).filter(User.id not in ids).all()  # Noncompliant {{Use ".not_in(...)" instead of "not in": Python evaluates the membership test itself and the filter becomes a constant.}}
    return db.query(User).filter(not User.name).all()  # Noncompliant {{Use "~" or "not_(...)" instead of "not": Python cannot negate a SQL condition and this raises TypeError or gives a constant.}}


def core_statements(name):
    stmt = select(User).where(User.name == name or User.email == name)  # Noncompliant {{Use "or_(...)" instead of "or": Python keeps only one of the conditions and the other is silently dropped.}}
    upd = update(User).where(User.email is None).values(role="guest")  # Noncompliant
    dele = delete(User).where(and_(User.role == "guest", User.name is None))  # Noncompliant
    tbl = select(users_table).where(users_table.c.name is None)  # Noncompliant
    return stmt, upd, dele, tbl


def flask_style(name):
    return User.query.filter(User.name == name and User.email == name).all()  # Noncompliant


# ---- Compliant look-alikes ----

class Status(enum.Enum):
    ACTIVE = "active"
    BLOCKED = "blocked"


def correct(db: Session, name, ids, include_admins, status):
    db.query(User).filter(User.name == name, User.role == "admin")
    db.query(User).filter(and_(User.name == name, User.role == "admin"))
    db.query(User).filter(or_(User.name == name, User.email == name))
    db.query(User).filter(User.email.is_(None), User.id.in_(ids), ~User.name.startswith("x"), not_(User.role == "x"))
    db.query(User).filter(User.role == ("admin" if include_admins else "user"))
    db.query(User).filter(User.name == name if name is not None else True)
    db.query(User).filter(User.role == status.value, Status.ACTIVE in (status,))
    select(User).where(User.id == 1).where(User.name != name)


def other_filters(items, name, queryset):
    filter(lambda item: item is not None and item.name == name, items)
    queryset.filter(name is None or name == "x")
    return [u for u in items if u.name in name]
