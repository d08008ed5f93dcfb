import asyncio
from collections import defaultdict

from fastapi import APIRouter, WebSocket
from fastapi.responses import StreamingResponse

router = APIRouter()
subscribers: dict[str, list[asyncio.Queue]] = defaultdict(list)
connections = {}
listeners = set()
history = []


@router.get("/events/{channel}")
async def events(channel: str):
    queue = asyncio.Queue()
    subscribers[channel].append(queue)  # Noncompliant {{Do not register this queue in the module-level "subscribers": messages published through it reach only the clients connected to the same worker process. With several workers, publish through a shared broker (Redis pub/sub, broadcaster, a Channels layer).}}
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    return StreamingResponse(stream(queue), media_type="text/event-stream")


@router.websocket("/ws/{user_id}")
async def websocket_endpoint(websocket: WebSocket, user_id: str):
    await websocket.accept()
    connections[user_id] = websocket  # Noncompliant
    listeners.add(websocket)  # Noncompliant
    history.append(user_id)  # Noncompliant {{Do not grow the module-level "history" from a request handler: it is shared by concurrent requests, grows without bound and differs between workers; use a bounded cache or an external store.}}


@router.post("/publish/{channel}")
async def publish(channel: str, message: str):
    for queue in subscribers[channel]:
        await queue.put(message)
    return {}


# Compliant look-alikes

async def stream(queue: asyncio.Queue):
    while True:
        yield await queue.get()


def register_at_startup():
    subscribers["system"].append(asyncio.Queue())


@router.get("/local/{channel}")
async def local_queue(channel: str):
    queues = {}
    queues[channel] = asyncio.Queue()
    return {"size": len(queues)}
