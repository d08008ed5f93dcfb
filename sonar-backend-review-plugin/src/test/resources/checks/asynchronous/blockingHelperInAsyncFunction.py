import asyncio
import subprocess
import time

import httpx
import requests
from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

router = APIRouter()
http = requests.Session()


def fetch_profile(user_id: int) -> dict:
    response = requests.get(f"https://profiles/{user_id}", timeout=5)
    return response.json()


def load_user(db: Session, user_id: int):
    return db.query(User).get(user_id)


def enrich(user_id: int):
    profile = fetch_profile(user_id)
    return {"profile": profile}


def backoff():
    time.sleep(1)


def render_pdf(path):
    return subprocess.run(["wkhtmltopdf", path], check=True)


class Notifier:
    def _post(self, payload):
        return http.post("https://hooks/notify", json=payload, timeout=5)

    async def notify(self, payload):
        self._post(payload)  # Noncompliant {{"self._post()" blocks the event loop because it calls "requests.Session.post()": make it a coroutine using an async client, or call it with "await run_in_threadpool(...)"/"asyncio.to_thread(...)".}}
#       ^^^^^^^^^^^^^^^^^^^


@router.get("/users/{user_id}")
async def read_user(user_id: int):
    profile = fetch_profile(user_id)  # Noncompliant {{"fetch_profile()" blocks the event loop because it calls "requests.get()": make it a coroutine using an async client, or call it with "await run_in_threadpool(...)"/"asyncio.to_thread(...)".}}
#             ^^^^^^^^^^^^^^^^^^^^^^
    return profile


@router.get("/rich/{user_id}")
async def read_rich(user_id: int):
    return enrich(user_id)  # Noncompliant {{"enrich()" blocks the event loop because it calls "requests.get()": make it a coroutine using an async client, or call it with "await run_in_threadpool(...)"/"asyncio.to_thread(...)".}}


async def with_db(db: Session, user_id: int):
    return load_user(db, user_id)  # Noncompliant


async def retry():
    backoff()  # Noncompliant


async def export(path):
    render_pdf(path)  # Noncompliant


# Compliant look-alikes

def pure(x):
    return x * 2


async def fetch_async(user_id: int):
    async with httpx.AsyncClient(timeout=5) as client:
        return (await client.get(f"https://profiles/{user_id}")).json()


async def offloaded(user_id: int):
    a = await run_in_threadpool(fetch_profile, user_id)
    b = await asyncio.to_thread(fetch_profile, user_id)
    c = await asyncio.get_running_loop().run_in_executor(None, fetch_profile, user_id)
    d = await asyncio.to_thread(lambda: fetch_profile(user_id))
    return a, b, c, d, pure(user_id)


async def calls_coroutine(user_id: int):
    return await fetch_async(user_id)


@router.get("/sync/{user_id}")
def sync_route(user_id: int):
    # runs in the threadpool
    return fetch_profile(user_id)


def lazy_profiles(ids):
    for i in ids:
        yield requests.get(f"https://profiles/{i}", timeout=5)


async def generator_helper(ids):
    # calling a generator function runs nothing yet
    return lazy_profiles(ids)


def recursive(n):
    return recursive(n - 1) if n else 0


async def calls_recursive():
    return recursive(3)


async def nested_def():
    def inner():
        return fetch_profile(1)
    return await asyncio.to_thread(inner)
