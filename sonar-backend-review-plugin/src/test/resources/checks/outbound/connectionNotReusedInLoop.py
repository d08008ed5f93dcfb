import aiohttp
import boto3
import httpx
import redis
import requests


def fetch_all(urls):
    results = []
    for url in urls:
#   ^^^> {{Loop}}
        results.append(requests.get(url, timeout=5).json())  # Noncompliant {{Send these repeated requests through one "requests.Session()" created before the loop: each "requests.get()" opens a new connection.}}
#                      ^^^^^^^^^^^^
    return results


def comprehension(ids):
    return [httpx.get(f"https://api/items/{i}").json() for i in ids]  # Noncompliant {{Send these repeated requests through one "httpx.Client()" created before the loop: each "httpx.get()" opens a new connection.}}


def poll(url):
    while True:
        requests.post(url, timeout=5)  # Noncompliant


async def crawl(urls):
    for url in urls:
        async with aiohttp.ClientSession() as session:  # Noncompliant {{Create this aiohttp ClientSession once, before the loop: a new client per iteration opens new connections and discards its pool.}}
            await session.get(url)
        with httpx.Client() as client:  # Noncompliant
            client.get(url)


def per_tenant(tenants):
    for tenant in tenants:
        cache = redis.Redis(host=tenant.host, socket_timeout=1)  # Noncompliant
        s3 = boto3.client("s3")  # Noncompliant
        session = requests.Session()  # Noncompliant
        cache.get("k")


# ---- Compliant look-alikes ----

def fetch_all_with_session(urls):
    with requests.Session() as session:
        return [session.get(url, timeout=5).json() for url in urls]


async def crawl_with_one_client(urls):
    async with httpx.AsyncClient() as client:
        for url in urls:
            await client.get(url)


def single_call(url):
    return requests.get(url, timeout=5)


def iterable_evaluated_once(url):
    for item in requests.get(url, timeout=5).json():
        print(item)


def defined_in_loop(urls):
    for url in urls:
        def fetch(u=url):
            return requests.get(u, timeout=5)
        yield fetch


def download_with_retries(url):
    retries = 0
    while retries < 3:
        try:
            response = requests.get(url, timeout=5)  # a retry loop repeats one request
            break
        except OSError:
            retries += 1
    return response


def one_client_per_sentinel(sentinels):
    return [redis.Redis(host=host, port=port, socket_timeout=1) for host, port in sentinels]  # kept: one client per server


def first_node_that_answers(nodes):
    for host in nodes:
        client = redis.Redis(host=host, socket_timeout=1)  # kept: returned when the node answers
        try:
            client.ping()
            return client
        except redis.ConnectionError:
            continue
    return None
