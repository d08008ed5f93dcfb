import asyncio

import httpx
from aiokafka import AIOKafkaProducer
from fastapi import APIRouter, Depends, Request, WebSocket
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

router = APIRouter()
engine = create_async_engine("postgresql+asyncpg://db/app")
SessionLocal = async_sessionmaker(engine)
producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")


async def send_welcome_email(address: str) -> None:
    ...


async def is_allowed(user_id: int) -> bool:
    ...


class Repository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def save(self, entity):
        self.session.add(entity)
        self.session.commit()  # Noncompliant {{Await "self.session.commit()": without "await" the coroutine is created and never runs.}}
#       ^^^^^^^^^^^^^^^^^^^^^

    async def remove(self, entity):
        await self.session.delete(entity)
        self.flush_later()  # Noncompliant

    async def flush_later(self):
        await self.session.flush()


@router.post("/users")
async def create_user(request: Request, db: AsyncSession = Depends()):
    payload = request.json()
    db.add(User(**payload))
    db.commit()  # Noncompliant
    send_welcome_email(payload["email"])  # Noncompliant {{Await "send_welcome_email()": without "await" the coroutine is created and never runs.}}
    if is_allowed(payload["id"]):  # Noncompliant {{Await "is_allowed()" before testing its result: a coroutine object is always true.}}
        return {}
    if not is_allowed(1):  # Noncompliant
        return {}
    producer.send("users", b"created")  # Noncompliant
    async with httpx.AsyncClient() as client:
        client.post("https://hooks/user-created", json=payload)  # Noncompliant
    asyncio.sleep(1)  # Noncompliant
    return {"ok": True}


@router.websocket("/ws")
async def ws_endpoint(websocket: WebSocket):
    websocket.accept()  # Noncompliant
    websocket.send_text("hello")  # Noncompliant


def sync_caller():
    send_welcome_email("a@b")  # Noncompliant


# Compliant look-alikes

async def correct(request: Request, db: AsyncSession):
    payload = await request.json()
    await db.commit()
    task = asyncio.create_task(send_welcome_email(payload["email"]))
    await asyncio.gather(send_welcome_email("a"), send_welcome_email("b"))
    if await is_allowed(1):
        pass
    await producer.send_and_wait("users", b"created")
    coroutine = send_welcome_email("c")
    await coroutine
    return task


def schedule():
    return send_welcome_email("a@b")


def main():
    asyncio.run(send_welcome_email("a@b"))


async def sync_session_add(db: AsyncSession, entity):
    # add() is not a coroutine
    db.add(entity)


def plain():
    return 1


async def calls_plain():
    plain()


async def unknown(client):
    client.post("x")
