import asyncio
from collections import deque

from fastapi import APIRouter
from cachetools import TTLCache

router = APIRouter()
_results = {}
_events = []
_recent = deque(maxlen=100)
_bounded = TTLCache(maxsize=1000, ttl=60)
ALLOWED = {"a", "b"}
_backend = None
_lock = asyncio.Lock()
_client = None


@router.post("/jobs/{job_id}")
async def finish_job(job_id: str, result: dict):
    _results[job_id] = result  # Noncompliant {{Do not grow the module-level "_results" from a request handler: it is shared by concurrent requests, grows without bound and differs between workers; use a bounded cache or an external store.}}
#   ^^^^^^^^^^^^^^^^^^^^^^^^^
    _events.append(job_id)  # Noncompliant
    return {}


async def get_backend():
    global _backend
    if _backend is None:  # Noncompliant {{Protect this lazy initialisation of "_backend" with an asyncio.Lock, or create it at startup: concurrent requests can all see it unset during the "await" and each create their own.}}
#      ^^^^^^^^^^^^^^^^
        _backend = await create_backend()
    return _backend


# Compliant look-alikes

@router.get("/jobs/{job_id}")
async def read_job(job_id: str):
    _recent.append(job_id)
    _bounded[job_id] = True
    return _results.get(job_id)


@router.delete("/jobs/{job_id}")
async def forget_job(job_id: str):
    _results.pop(job_id, None)


def helper(job_id):
    # not a request handler
    _results[job_id] = None


async def get_backend_locked():
    global _backend
    async with _lock:
        if _backend is None:
            _backend = await create_backend()
    return _backend


async def get_client():
    global _client
    if _client is None:
        _client = make_client()
    return _client


@router.post("/local")
async def local_state(item: dict):
    cache = {}
    cache["x"] = item
    return cache
