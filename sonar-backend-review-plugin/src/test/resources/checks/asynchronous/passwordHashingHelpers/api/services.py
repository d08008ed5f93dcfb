import hmac

import bcrypt
from passlib.context import CryptContext


class AuthService:
    pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")

    def __init__(self, rounds: int = 12):
        self.hasher = CryptContext(schemes=["argon2"])
        self.rounds = rounds

    def verify(self, plain: str, hashed: str) -> bool:
        return self.pwd_context.verify(plain, hashed)

    def hash(self, plain: str) -> str:
        return self._hash(plain)

    def _hash(self, plain: str) -> str:
        return self.hasher.hash(plain)

    @staticmethod
    def verify_password(plain: bytes, hashed: bytes) -> bool:
        return bcrypt.checkpw(plain, hashed)

    @classmethod
    def check(cls, plain: str, hashed: str) -> bool:
        return cls.pwd_context.verify(plain, hashed)

    def same_token(self, a: str, b: str) -> bool:
        return hmac.compare_digest(a, b)

    def describe(self) -> str:
        return "rounds=%d" % self.rounds


def get_auth_service() -> AuthService:
    return AuthService()
