from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
#                          ^^^^^^^^^^^^^^^> {{SQLAlchemy 2.0 API used in this module}}

engine = create_engine("postgresql://app@db/app", pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, autocommit=True)  # Noncompliant {{Remove "autocommit=True": SQLAlchemy 2.0 removed autocommit mode; use "with session.begin():" for explicit transactions.}}
#                                        ^^^^^^^^^^^^^^^


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


def find(db: Session, name: str):
    return db.query(User).filter(User.name == name).first()  # Noncompliant {{Use "select()" with "session.execute()"/"session.scalars()" instead of the legacy "query()" API in this SQLAlchemy 2.0 code.}}
#          ^^^^^^^^


def count():
    with SessionLocal() as session:
        return session.query(User).count()  # Noncompliant


def raw():
    return engine.execute(text("select 1"))  # Noncompliant {{Run this statement on a connection ("with engine.begin() as conn: conn.execute(...)"): "Engine.execute()" was removed in SQLAlchemy 2.0.}}


def columns():
    return select([User.id, User.name])  # Noncompliant {{Pass the columns to "select()" as positional arguments: the list form "select([...])" was removed in SQLAlchemy 2.0.}}


# ---- Compliant look-alikes ----

def find_20(db: Session, name: str):
    return db.scalars(select(User).where(User.name == name)).first()


def on_connection():
    with engine.begin() as connection:
        return connection.execute(text("select 1"))


def not_a_session(search_client, name):
    return search_client.query(name)


def explicit_columns():
    return select(User.id, User.name)
