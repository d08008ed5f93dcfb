import asyncio

import httpx
from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter()
client = httpx.AsyncClient(timeout=10)
semaphore = asyncio.Semaphore(10)


class CrawlRequest(BaseModel):
    urls: list[str]


async def fetch(url: str):
    return await client.get(url)


async def fetch_limited(url: str):
    async with semaphore:
        return await client.get(url)


@router.post("/crawl")
async def crawl(body: CrawlRequest):
    return await asyncio.gather(*[fetch(url) for url in body.urls])  # Noncompliant {{Limit the concurrency of this fan-out over "body.urls" (e.g. with an asyncio.Semaphore): its size comes from the request, so one request can start an unbounded number of concurrent operations.}}
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^


@router.post("/score")
async def score_all(agents: list[str], prompt: str):
    tasks = [client.post("https://llm/score", json={"agent": a, "prompt": prompt}) for a in agents]
    return await asyncio.gather(*tasks)  # Noncompliant


async def delete_slots(*slots):
    # not a request handler: a library API whose caller decides the size
    return await asyncio.gather(*(fetch(str(slot)) for slot in slots))


# Compliant look-alikes

@router.post("/crawl-limited")
async def crawl_limited(urls: list[str]):
    return await asyncio.gather(*[fetch_limited(url) for url in urls])


@router.post("/crawl-local")
async def crawl_with_local_semaphore(urls: list[str]):
    limit = asyncio.Semaphore(5)

    async def one(url):
        async with limit:
            return await client.get(url)

    return await asyncio.gather(*[one(url) for url in urls])


@router.post("/crawl-ten")
async def crawl_first_ten(urls: list[str]):
    return await asyncio.gather(*[fetch(url) for url in urls[:10]])


async def fixed_fan_out():
    return await asyncio.gather(*[fetch(f"https://x/{i}") for i in range(3)])


async def two_calls(a, b):
    return await asyncio.gather(fetch(a), fetch(b))


async def from_config(self_urls=None):
    urls = ["https://a", "https://b"]
    return await asyncio.gather(*[fetch(u) for u in urls])
