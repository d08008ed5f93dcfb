from typing import Optional

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env")

    database_url: str
    secret_key: str  # Noncompliant {{Make sure "secret_key" cannot leak: type it as SecretStr so that its value is hidden in repr(), logs and tracebacks.}}
#               ^^^
    OPENAI_API_KEY: str = ""  # Noncompliant
    smtp_password: Optional[str] = None  # Noncompliant
    github_token: str | None = None  # Noncompliant
    stripe_webhook_secret: str = Field(default="")  # Noncompliant
    jwt_private_key: bytes = b""  # Noncompliant


class BaseAppSettings(BaseSettings):
    pass


class ProdSettings(BaseAppSettings):
    redis_password: str  # Noncompliant


# Compliant look-alikes

class SafeSettings(BaseSettings):
    secret_key: SecretStr
    openai_api_key: SecretStr | None = None
    token_url: str = "https://auth/token"
    access_token_expire_minutes: int = 30
    password_min_length: int = 12
    jwt_algorithm: str = "HS256"
    api_key_header: str = "X-API-Key"
    secret_key_file: str = "/run/secrets/key"
    token: int = 0


class LoginRequest(BaseModel):
    # a request model, not settings: the user's password is an input
    password: str
