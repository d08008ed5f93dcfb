from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from app import db_utils
from app.db_utils import async_session_scope, asyncish_scope, engine_session, session_scope, timer
from .local_scope import local_scope

router = APIRouter()


async def start_round(debate_id: str) -> int:
    with session_scope() as session:  # Noncompliant {{"session_scope()" opens a synchronous SQLAlchemy Session (it yields "SessionLocal()"): its queries and commit block the event loop. Use an AsyncSession with "async with" and "await", or run this block in a thread with "run_in_threadpool"/"asyncio.to_thread".}}
#        ^^^^^^^^^^^^^^^
        session.add(debate_id)
    return 1


async def record_message(debate_id: str) -> None:
    with db_utils.session_scope() as session:  # Noncompliant
        session.add(debate_id)
    with engine_session() as session:  # Noncompliant
        session.add(debate_id)
    with local_scope() as session:  # Noncompliant
        session.add(debate_id)


# Compliant look-alikes
async def async_round(debate_id: str) -> None:
    async with async_session_scope() as session:
        session.add(debate_id)
        await session.commit()
    with asyncish_scope() as session:
        session.add(debate_id)
    with timer():
        pass
    with not_a_context_manager_like():
        pass


def sync_round(debate_id: str) -> None:
    with session_scope() as session:
        session.add(debate_id)


async def offloaded(debate_id: str) -> None:
    await run_in_threadpool(sync_round, debate_id)


def not_a_context_manager_like():
    return open("x")
