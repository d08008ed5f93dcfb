from contextlib import contextmanager

from app.database import SessionLocal


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
def read_scope():
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()
