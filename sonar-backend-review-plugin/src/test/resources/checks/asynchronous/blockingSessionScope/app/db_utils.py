from contextlib import asynccontextmanager, contextmanager

from sqlalchemy.orm import Session

from app.database import AsyncSessionLocal, AsyncishLocal, SessionLocal, engine


@contextmanager
def session_scope():
    session = SessionLocal()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def engine_session():
    with Session(engine) as session:
        yield session


@asynccontextmanager
async def async_session_scope():
    async with AsyncSessionLocal() as session:
        yield session


@contextmanager
def asyncish_scope():
    session = AsyncishLocal()
    yield session


@contextmanager
def timer():
    yield 3


def not_a_context_manager():
    yield SessionLocal()
