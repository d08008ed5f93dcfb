import asyncio
import hashlib

import bcrypt
from argon2 import PasswordHasher
from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.security import OAuth2PasswordRequestForm
from passlib.context import CryptContext

router = APIRouter()
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")
hasher = PasswordHasher()


def verify_password(plain_password, hashed_password):
    return pwd_context.verify(plain_password, hashed_password)


def get_password_hash(password):
    return pwd_context.hash(password)


def authenticate_user(db, username: str, password: str):
    user = get_user(db, username)
    if not user or not verify_password(password, user.hashed_password):
        return None
    return user


@router.post("/token")
async def login(form_data: OAuth2PasswordRequestForm = Depends()):
    user = authenticate_user(fake_users_db, form_data.username, form_data.password)  # Noncompliant {{"authenticate_user()" hashes a password on the event loop (it calls "pwd_context.verify()"): run it in a thread with "await run_in_threadpool(...)" or "await asyncio.to_thread(...)".}}
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    return {"access_token": user.username}


@router.post("/users")
async def register(username: str, password: str):
    hashed = get_password_hash(password)  # Noncompliant
    direct = pwd_context.hash(password)  # Noncompliant {{"pwd_context.hash()" hashes a password on the event loop: run it in a thread with "await run_in_threadpool(...)" or "await asyncio.to_thread(...)".}}
    return hashed, direct


async def low_level(password: bytes, stored: bytes):
    ok = bcrypt.checkpw(password, stored)  # Noncompliant
    key = hashlib.pbkdf2_hmac("sha256", password, b"salt", 600_000)  # Noncompliant
    again = hasher.verify(stored, password)  # Noncompliant
    return ok, key, again


# Compliant look-alikes

@router.post("/token-threaded")
async def login_threaded(form_data: OAuth2PasswordRequestForm = Depends()):
    user = await run_in_threadpool(authenticate_user, fake_users_db, form_data.username, form_data.password)
    ok = await asyncio.to_thread(pwd_context.verify, form_data.password, user.hashed_password)
    return user, ok


@router.post("/token-sync")
def login_sync(form_data: OAuth2PasswordRequestForm = Depends()):
    # a sync route runs in FastAPI's threadpool
    return authenticate_user(fake_users_db, form_data.username, form_data.password)


async def fast_digest(data: bytes):
    return hashlib.sha256(data).hexdigest()


async def needs_update(hashed):
    return pwd_context.needs_update(hashed)


async def unknown_verify(checker, password):
    return checker.verify(password)
