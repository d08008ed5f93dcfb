import asyncio

import aiohttp
import httpx

CONCURRENCY = asyncio.Semaphore(10)


async def fetch_all(urls):
    results = []
    async with httpx.AsyncClient() as client:
        for url in urls:
            response = await client.get(url)  # Noncompliant {{Run these independent requests concurrently with "asyncio.gather" (bounded by a semaphore) or a TaskGroup: each "client.get()" waits for the previous one.}}
#                      ^^^^^^^^^^^^^^^^^^^^^
            results.append(response)
    return results


async def fetch_users(client: httpx.AsyncClient, user_ids):
    users = []
    for user_id in user_ids:
#   ^^^>
        users.append(await client.get(f"/users/{user_id}"))  # Noncompliant
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    return users


async def fetch_by_key(session: aiohttp.ClientSession, names):
    pages = {}
    for name in names:
        pages[name] = await session.request("GET", "/pages", params={"name": name})  # Noncompliant
    return pages


# Compliant look-alikes

async def concurrent(client: httpx.AsyncClient, urls):
    async def one(url):
        async with CONCURRENCY:
            return await client.get(url)
    return await asyncio.gather(*(one(url) for url in urls))


async def paginated(client: httpx.AsyncClient):
    results = []
    cursor = None
    for _ in range(10):
        response = await client.get("/items", params={"cursor": cursor})
        cursor = response.headers.get("next")
        results.append(response)
    return results


async def rate_limited(client: httpx.AsyncClient, urls):
    results = []
    for url in urls:
        results.append(await client.get(url))
        await asyncio.sleep(1)
    return results


async def stops_early(client: httpx.AsyncClient, urls):
    for url in urls:
        response = await client.get(url)
        if response.status_code == 200:
            break
    return None


async def ordered_writes(client: httpx.AsyncClient, items):
    results = []
    for item in items:
        results.append(await client.post("/items", json=item))
    return results


async def uses_previous_results(client: httpx.AsyncClient, urls):
    results = []
    for url in urls:
        results.append(await client.get(url, params={"after": len(results)}))
    return results


async def same_request_repeated(client: httpx.AsyncClient, urls):
    results = []
    for url in urls:
        results.append(await client.get("/health"))
    return results


async def unknown_callee(fetch, urls):
    results = []
    for url in urls:
        results.append(await fetch(url))
    return results


async def subscripted_item(client: httpx.AsyncClient, items):
    results = []
    for item in items:
        results.append(await client.get(item["url"]))  # Noncompliant
    return results


def sync_function(client: httpx.Client, urls):
    results = []
    for url in urls:
        results.append(client.get(url))
    return results


async def aiohttp_pages(session: aiohttp.ClientSession, urls):
    pages = []
    for url in urls:
        async with session.get(url) as response:  # Noncompliant
            pages.append(await response.json())
    return pages


async def aiohttp_checked(session: aiohttp.ClientSession, urls):
    pages = []
    for url in urls:
        async with session.get(url) as response:
            if response.status != 200:
                continue
            pages.append(await response.json())
    return pages
