import http.client
import urllib.request
from urllib.request import urlopen as open_url

import aiohttp
import httpx
import requests
import requests as rq
from requests import Session


def plain_requests(url, payload):
    requests.get(url)  # Noncompliant {{Pass a timeout to this "requests.get()" call: requests waits forever by default.}}
#   ^^^^^^^^^^^^
    rq.post(url, json=payload)  # Noncompliant {{Pass a timeout to this "requests.post()" call: requests waits forever by default.}}
    requests.request("GET", url)  # Noncompliant
    requests.get(url, timeout=None)  # Noncompliant {{Replace "timeout=None" with a timeout in seconds: requests then waits forever.}}
#                     ^^^^^^^^^^^^


def session_methods(url):
    session = requests.Session()
#             ^^^^^^^^^^^^^^^^^^> {{Session created here, without a default timeout}}
    session.get(url)  # Noncompliant {{Pass a timeout to "session.get()": a requests Session has no default timeout and waits forever.}}
#   ^^^^^^^^^^^
    with Session() as s:
        s.post(url, data={})  # Noncompliant
    session.timeout = 5  # a Session ignores this attribute
    session.put(url)  # Noncompliant


class GitHubClient:
    def __init__(self):
        self.http = requests.Session()
        self.http.headers["Accept"] = "application/json"

    def repos(self, org):
        return self.http.get(f"https://api.github.com/orgs/{org}/repos")  # Noncompliant {{Pass a timeout to "self.http.get()": a requests Session has no default timeout and waits forever.}}


SHARED = requests.session()


def use_shared(url):
    return SHARED.delete(url)  # Noncompliant


async def aiohttp_default(url):
    async with aiohttp.ClientSession() as session:  # Noncompliant {{Pass "timeout=aiohttp.ClientTimeout(...)" to this ClientSession: its default allows 5 minutes per request.}}
#              ^^^^^^^^^^^^^^^^^^^^^
        async with session.get(url) as response:
            return await response.text()


async def aiohttp_unbounded(url):
    timeout = aiohttp.ClientTimeout()  # Noncompliant {{Set "total" or "sock_read" in this ClientTimeout: without them requests wait forever.}}
    other = aiohttp.ClientTimeout(total=None)  # Noncompliant
    async with aiohttp.ClientSession(timeout=None) as session:  # Noncompliant {{Replace "timeout=None" with "aiohttp.ClientTimeout(...)": this session then waits forever.}}
        return await session.get(url)


async def aiohttp_request(url):
    async with aiohttp.request("GET", url) as response:  # Noncompliant
        return await response.text()


def stdlib(url, host):
    urllib.request.urlopen(url)  # Noncompliant {{Pass a timeout to "urlopen()": without one it waits forever for a slow or silent server.}}
    open_url(url, None)  # Noncompliant
    opener = urllib.request.build_opener()
    opener.open(url)  # Noncompliant {{Pass a timeout to this opener's "open()": without one it waits forever for a slow or silent server.}}
    conn = http.client.HTTPSConnection(host)  # Noncompliant {{Pass a timeout to this "HTTPSConnection": without one it waits forever for a slow or silent server.}}
    http.client.HTTPConnection(host, 80)  # Noncompliant


def httpx_none(url):
    httpx.get(url, timeout=None)  # Noncompliant {{Replace "timeout=None" with a timeout in seconds: it disables httpx's default timeout.}}
    client = httpx.Client(timeout=None)  # Noncompliant
    httpx.Timeout(None)  # Noncompliant {{Give this httpx.Timeout a limit in seconds: "Timeout(None)" lets requests wait forever.}}
    with httpx.Client() as c:
        c.get(url, timeout=None)  # Noncompliant


async def httpx_async_none(url):
    async with httpx.AsyncClient() as client:
        await client.post(url, timeout=None)  # Noncompliant


# ---- Compliant look-alikes ----

def with_timeouts(url, kwargs):
    requests.get(url, timeout=5)
    requests.post(url, timeout=(3.05, 27))
    requests.get(url, **kwargs)  # timeout may be in kwargs
    session = requests.Session()
    session.get(url, timeout=10)
    session.request("GET", url, None, None, None, None, None, None, 10)
    urllib.request.urlopen(url, timeout=10)
    urllib.request.urlopen(url, None, 10)
    http.client.HTTPSConnection("example.org", timeout=10)
    http.client.HTTPConnection("example.org", 80, 10)


def httpx_defaults(url):
    httpx.get(url)  # 5 s default timeout
    with httpx.Client() as client:
        client.get(url)
    httpx.Client(timeout=httpx.Timeout(10.0, connect=5.0))
    httpx.Timeout(None, connect=5.0)
    httpx.Timeout(10.0)


class TimeoutAdapter(requests.adapters.HTTPAdapter):
    def send(self, request, **kwargs):
        kwargs.setdefault("timeout", 10)
        return super().send(request, **kwargs)


def mounted_adapter(url):
    session = requests.Session()
    session.mount("https://", TimeoutAdapter())
    return session.get(url)


class ApiClient:
    def __init__(self):
        self.session = requests.Session()
        self.session.mount("https://", TimeoutAdapter())

    def fetch(self, url):
        return self.session.get(url)


class TimeoutSession(requests.Session):
    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", 10)
        return super().request(*args, **kwargs)


def subclass_with_default(url):
    session = TimeoutSession()
    return session.get(url)


def unknown_session(session, url):
    return session.get(url)  # origin unknown: maybe configured elsewhere


async def aiohttp_with_timeouts(url):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        await session.get(url)
    async with aiohttp.ClientSession() as per_request:
        await per_request.get(url, timeout=aiohttp.ClientTimeout(total=10))
    aiohttp.ClientTimeout(total=None, sock_read=30)
    aiohttp.ClientTimeout(sock_connect=5, sock_read=30)


def lambda_handler(event, context):
    return requests.get(event["url"])  # AWS Lambda handlers: SonarPython S7618


def other_get(cache, key):
    return cache.get(key)  # not an HTTP client
