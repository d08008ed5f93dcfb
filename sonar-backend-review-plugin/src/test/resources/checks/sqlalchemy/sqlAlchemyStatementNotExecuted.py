from sqlalchemy import Column, Integer, MetaData, String, Table, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.models import User

metadata = MetaData()
audit = Table("audit", metadata, Column("id", Integer), Column("user", String))


def remove_user(db: Session, user_id):
    delete(User).where(User.id == user_id)  # Noncompliant {{Execute this DELETE statement ("session.execute(...)"): it is built here and thrown away, so nothing is deleted.}}
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    db.commit()


async def rename(session: AsyncSession, user_id, name):
    update(User).where(User.id == user_id).values(name=name)  # Noncompliant {{Execute this UPDATE statement ("session.execute(...)"): it is built here and thrown away, so nothing is updated.}}
    insert(User).values(name=name)  # Noncompliant {{Execute this INSERT statement ("session.execute(...)"): it is built here and thrown away, so nothing is inserted.}}
    await session.commit()


def purge(db: Session):
    audit.delete().where(audit.c.user == "x")  # Noncompliant
    User.__table__.delete()  # Noncompliant
    db.query(User).filter(User.name == "x")  # Noncompliant {{Run this query (".all()", ".first()", ".delete()"...) or remove it: as written it is built and thrown away.}}
    select(User).where(User.id == 1)  # Noncompliant {{Execute this SELECT statement ("session.execute(...)") or remove it: it is built here and thrown away.}}


# ---- Compliant look-alikes ----

async def executed(db: Session, session: AsyncSession, user_id):
    db.execute(delete(User).where(User.id == user_id))
    await session.execute(update(User).where(User.id == user_id).values(name="x"))
    db.query(User).filter(User.id == user_id).delete()
    db.query(User).filter(User.id == user_id).update({"name": "x"})
    stmt = delete(User).where(User.id == user_id)
    db.execute(stmt)
    audit.delete().where(audit.c.user == "x").execute()


def not_sqlalchemy(cache, items):
    cache.delete("key")
    items.update({"a": 1})
    delete_user = None
