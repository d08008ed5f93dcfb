from contextlib import asynccontextmanager

import aiohttp
import httpx
from aiokafka import AIOKafkaProducer
from fastapi import APIRouter, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

router = APIRouter()
engine = create_async_engine("postgresql+asyncpg://db/app")
SessionLocal = async_sessionmaker(engine)


@router.get("/proxy")
async def proxy(url: str):
    client = httpx.AsyncClient(timeout=10)  # Noncompliant {{Open this AsyncClient with "async with" or call "aclose()" in a "finally" block: it is never closed and leaks its connections.}}
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    response = await client.get(url)
    return response.json()


async def inline(url: str):
    return (await httpx.AsyncClient().get(url)).json()  # Noncompliant


async def publish(event: bytes):
    producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")  # Noncompliant
    await producer.start()
    await producer.send_and_wait("events", event)


async def count_users():
    session = SessionLocal()  # Noncompliant
    return await session.scalar(select_count())


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.http = httpx.AsyncClient()  # Noncompliant {{Close "app.state.http" after the "yield" of this lifespan ("await app.state.http.aclose()"), or open it with "async with": it is never closed at shutdown.}}
    yield


# Compliant look-alikes

@asynccontextmanager
async def good_lifespan(app: FastAPI):
    app.state.http = httpx.AsyncClient()
    app.state.session = aiohttp.ClientSession()
    yield
    await app.state.http.aclose()
    await app.state.session.close()


async def managed(url: str):
    async with httpx.AsyncClient(timeout=10) as client:
        return (await client.get(url)).json()


async def closed_in_finally(event: bytes):
    producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")
    await producer.start()
    try:
        await producer.send_and_wait("events", event)
    finally:
        await producer.stop()


async def get_session():
    session = SessionLocal()
    try:
        yield session
    finally:
        await session.close()


def make_client():
    client = httpx.AsyncClient(timeout=10)
    return client


class Service:
    def __init__(self):
        self.client = httpx.AsyncClient()


async def handed_over(url: str):
    session = aiohttp.ClientSession()
    return Wrapper(session)


shared = httpx.AsyncClient()
