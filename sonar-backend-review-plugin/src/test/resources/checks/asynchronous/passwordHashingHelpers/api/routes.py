import asyncio

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api import security
from api.security import check_bcrypt, compare_tokens, fingerprint, hash_password, verify_password
from api.services import AuthService, get_auth_service

router = APIRouter()


@router.post("/login")
async def login(email: str, password: str):
    user = await find_user(email)
    if not verify_password(password, user.hashed_password):  # Noncompliant {{"verify_password()" hashes a password on the event loop ("verify_password()" calls "CryptContext.verify()"): run it in a thread with "await run_in_threadpool(...)" or "await asyncio.to_thread(...)".}}
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        return None
    return user


@router.post("/register")
async def register(email: str, password: str):
    hashed = security.hash_password(password)  # Noncompliant {{"security.hash_password()" hashes a password on the event loop ("hash_password()" calls "hashlib.pbkdf2_hmac()"): run it in a thread with "await run_in_threadpool(...)" or "await asyncio.to_thread(...)".}}
    legacy = check_bcrypt(password.encode(), hashed.encode())  # Noncompliant
    return hashed, legacy


@router.post("/service-login")
async def service_login(email: str, password: str):
    service = AuthService()
    ok = service.verify(password, email)  # Noncompliant {{"service.verify()" hashes a password on the event loop ("AuthService.verify()" calls "CryptContext.verify()"): run it in a thread with "await run_in_threadpool(...)" or "await asyncio.to_thread(...)".}}
    hashed = service.hash(password)  # Noncompliant
    legacy = AuthService.verify_password(password.encode(), hashed.encode())  # Noncompliant
    again = AuthService.check(password, hashed)  # Noncompliant
    factory = get_auth_service().verify(password, hashed)  # Noncompliant
    return ok, legacy, again, factory


# Compliant look-alikes

@router.post("/service-threaded")
async def service_threaded(email: str, password: str):
    service = AuthService()
    ok = await run_in_threadpool(service.verify, password, email)
    same = service.same_token(password, email)
    text = service.describe()
    return ok, same, text


@router.post("/login-threaded")
async def login_threaded(email: str, password: str):
    user = await find_user(email)
    ok = await run_in_threadpool(verify_password, password, user.hashed_password)
    hashed = await asyncio.to_thread(hash_password, password)
    same = compare_tokens(password, hashed)
    digest = fingerprint(email)
    again = await security.averify_password(password, hashed)
    return ok, same, digest, again


def sync_login(email: str, password: str):
    return verify_password(password, email)


async def find_user(email: str):
    return email
