from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session

from app.db import AsyncSessionLocal, get_session
from app.models import User

async_session = async_sessionmaker(create_async_engine("postgresql+asyncpg://app@db/app", pool_pre_ping=True))


async def list_users(session: AsyncSession = Depends(get_session)):
    return session.query(User).all()  # Noncompliant {{Replace "query()" with "await session.execute(select(...))": an AsyncSession has no "query" attribute and this raises AttributeError.}}
#          ^^^^^^^^^^^^^


async def first_user():
    async with async_session() as session:
        return await session.query(User).first()  # Noncompliant


async def by_name(name):
    async with AsyncSessionLocal() as db:
        query = db.query  # Noncompliant
        return query(User)


# ---- Compliant look-alikes ----

async def list_users_20(session: AsyncSession = Depends(get_session)):
    result = await session.execute(select(User))
    return result.scalars().all()


def sync_session(session: Session):
    return session.query(User).all()


async def through_run_sync(session: AsyncSession):
    return await session.run_sync(lambda sync_session: sync_session.query(User).all())
