import asyncio
import sqlite3

import boto3
import litellm
import psycopg2
import redis
import smtplib
from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from openai import AsyncOpenAI, OpenAI
from sqlalchemy import create_engine, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, sessionmaker
from typing import Annotated

router = APIRouter()
engine = create_engine("postgresql://db/app")
SessionLocal = sessionmaker(bind=engine)
cache = redis.Redis(host="cache")
s3 = boto3.client("s3")
llm = OpenAI()


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


@router.get("/users/{user_id}")
async def read_user(user_id: int, db: Session = Depends(get_db)):
    user = db.query(User).filter(User.id == user_id).first()  # Noncompliant {{"db.query()" blocks the event loop: use AsyncSession with "await", or run this code in a thread with "run_in_threadpool"/"asyncio.to_thread".}}
#          ^^^^^^^^^^^^^^
    db.commit()
    return user


@router.post("/orders")
async def create_order(db: Annotated[Session, Depends(get_db)]):
    db.add(Order())
    db.commit()  # Noncompliant
    db.refresh(order)


async def start_round(debate_id: str):
    with SessionLocal() as session:
        session.add(Round(debate_id=debate_id))
        session.commit()  # Noncompliant


async def raw_sql():
    conn = psycopg2.connect("dbname=app")  # Noncompliant {{"psycopg2.connect()" blocks the event loop: use asyncpg or psycopg's AsyncConnection, or run this code in a thread with "run_in_threadpool"/"asyncio.to_thread".}}
    cur = conn.cursor()
    cur.execute("select 1")  # Noncompliant
    return cur.fetchall()


async def with_engine():
    with engine.connect() as conn:  # Noncompliant
        conn.execute(select(User))  # Noncompliant


async def cached(key: str):
    value = cache.get(key)  # Noncompliant {{"cache.get()" blocks the event loop: use redis.asyncio.Redis with "await", or run this code in a thread with "run_in_threadpool"/"asyncio.to_thread".}}
    pipe = cache.pipeline()
    pipe.incr(key)
    pipe.execute()  # Noncompliant
    return value


async def upload(data: bytes):
    s3.put_object(Bucket="b", Key="k", Body=data)  # Noncompliant


async def notify(address: str):
    with smtplib.SMTP("mail.local") as smtp:  # Noncompliant
        smtp.sendmail("app@x", [address], "hi")  # Noncompliant


async def ask(prompt: str):
    answer = llm.chat.completions.create(model="gpt", messages=[])  # Noncompliant {{"llm.chat.completions.create()" blocks the event loop: use AsyncOpenAI, or run this code in a thread with "run_in_threadpool"/"asyncio.to_thread".}}
    other = litellm.completion(model="gpt", messages=[])  # Noncompliant
    return answer, other


async def local_db():
    sqlite3.connect("app.db").execute("select 1")  # Noncompliant


# Compliant look-alikes

async_engine = create_async_engine("postgresql+asyncpg://db/app")
AsyncSessionLocal = async_sessionmaker(async_engine)
aio_llm = AsyncOpenAI()


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session


@router.get("/async-users/{user_id}")
async def read_user_async(user_id: int, db: AsyncSession = Depends(get_async_db)):
    result = await db.execute(select(User).where(User.id == user_id))
    db.add(Audit())
    await db.commit()
    return result.scalar_one_or_none()


@router.get("/sync-users/{user_id}")
def read_user_sync(user_id: int, db: Session = Depends(get_db)):
    # a sync route runs in FastAPI's threadpool: blocking here is fine
    return db.query(User).filter(User.id == user_id).first()


async def offloaded(user_id: int, db: Session = Depends(get_db)):
    user = await run_in_threadpool(lambda: db.query(User).get(user_id))
    rows = await asyncio.to_thread(db.execute, select(User))
    also = await asyncio.to_thread(db.query(User).all)
    return user, rows, also


async def in_nested_sync_function(db: Session):
    def work():
        return db.query(User).all()
    return await asyncio.to_thread(work)


async def ask_async(prompt: str):
    answer = await aio_llm.chat.completions.create(model="gpt", messages=[])
    other = await litellm.acompletion(model="gpt", messages=[])
    return answer, other


async def presign(key: str):
    # local computation, no network call
    return s3.generate_presigned_url("get_object", Params={"Key": key})


async def unknown_client(client, key):
    return client.get(key)


async def redis_async():
    import redis.asyncio as aioredis
    r = aioredis.Redis()
    return await r.get("k")


async def pipeline_building():
    pipe = cache.pipeline()
    pipe.incr("k")
    return pipe


class Repository:
    def __init__(self, db):
        self.db = db


@router.post("/request-token")
async def request_signin_token(email: str, db: Session = Depends(get_db)):
    user = user_service.fetch_by_email(db, email)  # Noncompliant {{"user_service.fetch_by_email()" queries through the synchronous session "db" and blocks the event loop: use AsyncSession with "await", or run this code in a thread with "run_in_threadpool"/"asyncio.to_thread".}}
    user_service.save_login_token(db=db, user=user)
    repo = Repository(db)
    print(db)
    await async_service.notify(db, user)
    return repo
