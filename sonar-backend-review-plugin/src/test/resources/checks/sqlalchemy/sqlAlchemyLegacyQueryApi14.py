# A SQLAlchemy 1.x module: the legacy API is the API here.
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("postgresql://app@db/app", pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, autocommit=True)


def find(db: Session, name):
    engine.execute("select 1")
    select([name])
    return db.query(name).first()
