from fastapi import APIRouter, Depends

from app.sse_backend import aget_backend, get_cached_backend, get_client, get_locked_backend, get_plain, get_sse_backend

router = APIRouter()


@router.get("/stream")
async def stream(backend=Depends(get_sse_backend)):  # Noncompliant {{"get_sse_backend()" creates the global "_backend" lazily without a lock and is a sync dependency: FastAPI runs it in a worker thread: concurrent requests can each see it unset and create their own. Create it once at startup (lifespan), or guard the check with a threading.Lock.}}
#                                ^^^^^^^^^^^^^^^
    return backend


@router.post("/publish")
def publish(message: str):
    client = get_client()  # Noncompliant {{"get_client()" creates the global "_client" lazily without a lock and runs in a worker thread: this "def" route runs in FastAPI's threadpool: concurrent requests can each see it unset and create their own. Create it once at startup (lifespan), or guard the check with a threading.Lock.}}
    return client


# Compliant look-alikes

@router.get("/locked")
def locked(backend=Depends(get_locked_backend), cached=Depends(get_cached_backend), plain=Depends(get_plain)):
    return get_locked_backend(), get_cached_backend(), plain


@router.get("/async-route")
async def on_the_loop(backend=Depends(aget_backend)):
    client = get_client()
    return backend, client
