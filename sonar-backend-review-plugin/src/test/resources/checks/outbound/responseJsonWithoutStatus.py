import aiohttp
import httpx
import requests


def get_user(user_id):
    response = requests.get(f"https://api/users/{user_id}", timeout=5)
    return response.json()  # Noncompliant {{Check the status of this response ("raise_for_status()") before reading its JSON: an error response would be parsed as if it were the expected data.}}
#          ^^^^^^^^^^^^^^^


def chained(url):
    return requests.post(url, json={}, timeout=5).json()  # Noncompliant


def with_session(urls):
    session = requests.Session()
    r = session.get(urls[0], timeout=5)
    data = r.json()  # Noncompliant
    return data


async def with_httpx(url):
    async with httpx.AsyncClient() as client:
        response = await client.get(url)
        return response.json()  # Noncompliant


async def with_aiohttp(url):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        async with session.get(url) as resp:
            return await resp.json()  # Noncompliant


# ---- Compliant look-alikes ----

def checked(user_id):
    response = requests.get(f"https://api/users/{user_id}", timeout=5)
    response.raise_for_status()
    return response.json()


def status_tested(url):
    response = httpx.get(url)
    if response.status_code != 200:
        raise RuntimeError(response.text)
    return response.json()


def ok_tested(url):
    response = requests.get(url, timeout=5)
    if not response.ok:
        return None
    return response.json()


def truthiness(url):
    response = requests.get(url, timeout=5)
    if response:
        return response.json()
    return None


def handed_over(url, handle_errors):
    response = requests.get(url, timeout=5)
    handle_errors(response)
    return response.json()


async def aiohttp_status(url, session):
    async with session.get(url) as resp:
        if resp.status == 200:
            return await resp.json()


def not_http(payload, message):
    return payload.json(), message.json()


def read_twice(url):
    response = requests.get(url, timeout=5)
    profile = response.json()["profile"] if "profile" in response.json() else {}  # Noncompliant
    extra = response.json()  # one finding per response: the first read
    return profile, extra


def json_rpc(url, payload):
    req = requests.post(url, json=payload, timeout=5)
    response = req.json()  # JSON-RPC reports errors in the body, tested below
    if "error" in response:
        raise RuntimeError(response["error"]["message"])
    return response["result"]


def appliance_login(url, data):
    resp = requests.post(url, data=data, timeout=5)
    result = resp.json()
    if result and result["success"]:
        return result["data"]
    raise RuntimeError("login failed")


def inline_error_test(url):
    if requests.get(url, timeout=5).json().get("errors"):
        return None
    return True
