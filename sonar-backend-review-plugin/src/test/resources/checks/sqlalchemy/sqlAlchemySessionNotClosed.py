from contextlib import closing

from sqlalchemy import create_engine, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, scoped_session, sessionmaker

from app.database import SessionLocal, AsyncSessionLocal, get_engine
from app.models import User

engine = create_engine("postgresql://app@db/app", pool_pre_ping=True)
LocalFactory = sessionmaker(bind=engine)
async_engine = create_async_engine("postgresql+asyncpg://app@db/app", pool_pre_ping=True)
AsyncFactory = async_sessionmaker(async_engine, expire_on_commit=False)
Scoped = scoped_session(LocalFactory)


def get_db():
    db = SessionLocal()  # Noncompliant {{Close "db" in a "finally" block around the "yield": when the request fails, the code after "yield" does not run.}}
#        ^^^^^^^^^^^^^^
    yield db
    db.close()
#   ^^^^^^^^^^< {{Skipped when an exception is raised before}}


def count_users():
    session = LocalFactory()  # Noncompliant {{Close this session: use "with" ("with LocalFactory() as session:") or call "session.close()" in a "finally" block; it is never closed here.}}
    return session.scalar(select(User).count())


def rename(user_id, name):
    session = Session(engine)  # Noncompliant {{Close "session" in a "finally" block or use "with": an exception before "session.close()" leaves its connection checked out.}}
    user = session.get(User, user_id)
    user.name = name
    session.commit()
    session.close()


async def create_user(payload):
    session = AsyncFactory()  # Noncompliant
    session.add(User(**payload))
    await session.commit()


async def other_module_factory():
    session = AsyncSessionLocal()  # Noncompliant
    return (await session.execute(select(User))).scalars().all()


# ---- Compliant look-alikes ----

def get_db_with_finally():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def with_statement():
    with LocalFactory() as session:
        return session.scalars(select(User)).all()


def with_begin():
    with LocalFactory.begin() as session:
        session.add(User())


def with_variable():
    session = LocalFactory()
    with session:
        session.add(User())
        session.commit()


def with_transaction():
    session = LocalFactory()
    with session.begin():
        session.add(User())


async def async_with():
    async with AsyncFactory() as session:
        await session.commit()


def closed_on_both_paths():
    session = LocalFactory()
    try:
        session.add(User())
        session.commit()
    except Exception:
        session.rollback()
        session.close()
        raise
    session.close()


def returned_to_caller():
    session = LocalFactory()
    return session


def handed_over():
    session = LocalFactory()
    return closing(session)


class Repository:
    def __init__(self):
        self.session = LocalFactory()


def scoped_registry():
    session = Scoped()  # thread-local session, removed by the framework
    session.add(User())


def unknown_factory(factory):
    session = factory()
    session.add(User())


def unbound_copy(instance):
    session = Session()  # no bind: never holds a connection
    copy = session.merge(instance, load=False)
    session.expunge(copy)
    return copy


def not_a_session():
    engine_ = get_engine()
    engine_.dispose()


def test_bulk_insert(n):
    session = Session(engine)  # a test or benchmark: the fixture owns the database
    session.add_all([Item() for _ in range(n)])
    session.commit()
