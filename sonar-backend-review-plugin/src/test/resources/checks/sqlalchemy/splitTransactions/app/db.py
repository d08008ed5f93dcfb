from contextlib import contextmanager

from app.database import SessionLocal


@contextmanager
def session_scope():
    """One transaction: committed when the block ends, rolled back when it raises."""
    with SessionLocal() as session:
        yield session
        session.commit()


@contextmanager
def read_scope():
    session = SessionLocal()
    yield session
    session.close()
