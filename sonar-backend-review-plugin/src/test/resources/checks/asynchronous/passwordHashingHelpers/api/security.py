import asyncio
import hashlib
import hmac

import bcrypt
from passlib.context import CryptContext

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")
settings_like = dict(rounds=3)


def verify_password(plain: str, hashed: str) -> bool:
    return pwd_context.verify(plain, hashed)


def hash_password(plain: str) -> str:
    return _derive(plain)


def _derive(plain: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", plain.encode(), b"salt", 600_000).hex()


def check_bcrypt(plain: bytes, hashed: bytes) -> bool:
    return bcrypt.checkpw(plain, hashed)


def compare_tokens(a: str, b: str) -> bool:
    return hmac.compare_digest(a, b)


def fingerprint(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


async def averify_password(plain: str, hashed: str) -> bool:
    return await asyncio.to_thread(pwd_context.verify, plain, hashed)
