from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, scoped_session, sessionmaker

from app.database import SessionLocal, get_db
from app.models import Debate, DebateRound, Item, Job

router = APIRouter()
db_session = scoped_session(sessionmaker())


@router.post("/debates")
def create_debate(payload: dict, db: Session = Depends(get_db)):
    debate = Debate(**payload)
    db.add(debate)
    db.commit()  # Noncompliant {{Replace this intermediate commit with "flush()" and commit once at the end: a failure after it leaves the data half-written.}}
#   ^^^^^^^^^^^
    db.refresh(debate)
    first_round = DebateRound(debate_id=debate.id)
    db.add(first_round)
    db.commit()
#   ^^^^^^^^^^^< {{Later commit of the same unit of work}}
    return debate


async def start_round(session: AsyncSession, debate_id: int):
    round_record = DebateRound(debate_id=debate_id)
    session.add(round_record)
    await session.commit()  # Noncompliant
    await session.refresh(round_record)
    debate = await session.get(Debate, debate_id)
    debate.current_round = round_record.id
    await session.commit()


def import_items(rows):
    with SessionLocal() as session:
        for row in rows:
#       ^^^> {{Loop over the items}}
            session.add(Item(**row))
            session.commit()  # Noncompliant {{Commit once after this loop: committing each iteration leaves the items before a failure committed and the others not, and costs a round trip and a flush per item.}}
#           ^^^^^^^^^^^^^^^^


def scoped_registry(job_id):
    job = db_session.get(Job, job_id)
    job.started = True
    db_session.commit()  # Noncompliant
    job.result = compute(job)
    db_session.commit()


# ---- Compliant look-alikes ----

@router.post("/debates/flush")
def create_debate_with_flush(payload: dict, db: Session = Depends(get_db)):
    debate = Debate(**payload)
    db.add(debate)
    db.flush()
    db.add(DebateRound(debate_id=debate.id))
    db.commit()
    return debate


def one_commit_per_branch(db: Session, item, publish):
    db.add(item)
    if publish:
        item.published = True
        db.commit()
        return item
    db.commit()
    return item


def failure_recorded(db: Session, job):
    try:
        job.run()
        db.commit()
    except Exception:
        db.rollback()
        job.failed = True
        db.commit()
        raise


def batched(rows):
    with SessionLocal() as session:
        for i, row in enumerate(rows):
            session.add(Item(**row))
            if i % 1000 == 0:
                session.commit()
        session.commit()


def worker(queue):
    with SessionLocal() as session:
        while True:
            job = queue.get()
            session.add(Job(**job))
            session.commit()


def per_item_with_error_handling(rows):
    with SessionLocal() as session:
        for row in rows:
            try:
                session.add(Item(**row))
                session.commit()
            except ValueError:
                session.rollback()


def two_sessions(db: Session, audit: Session, item):
    db.add(item)
    db.commit()
    audit.add(item)
    audit.commit()


def unknown_receiver(conn, other):
    conn.commit()
    other.commit()
    conn.commit()


def git_like(repo):
    repo.commit("message")
    repo.commit("other")


def session_rebound(engine, tables):
    db = Session(bind=engine)
    db.add(Item())
    db.commit()
    db = Session(bind=engine)  # another session, another unit of work
    db.add(Item())
    db.commit()


async def optimistic_retry(factory, item_id):
    for attempt in range(5):
        async with factory() as session:  # a new session per attempt
            session.add(Item(id=item_id))
            await session.commit()


class VersioningTest:
    def test_update_creates_version(self):
        session = Session(engine)
        session.add(Thing(name="a"))
        session.commit()  # a test observes the state after each transaction
        session.commit()


def test_two_transactions():
    session = Session(engine)
    session.add(Thing(name="a"))
    session.commit()
    session.commit()
