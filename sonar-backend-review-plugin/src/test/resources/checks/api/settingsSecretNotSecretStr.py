from typing import Optional

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
#     ^^^^^^^^> {{Settings class}}
    model_config = SettingsConfigDict(env_file=".env")

    database_url: str
    secret_key: str  # Noncompliant {{Make sure the 6 secrets of "Settings" cannot leak: type them as SecretStr so that their values are hidden in repr(), logs and tracebacks.}}
#               ^^^
    OPENAI_API_KEY: str = ""
#                   ^^^< {{"OPENAI_API_KEY" is a plain string too}}
    smtp_password: Optional[str] = None
#                  ^^^^^^^^^^^^^< {{"smtp_password" is a plain string too}}
    github_token: str | None = None
#                 ^^^^^^^^^^< {{"github_token" is a plain string too}}
    stripe_webhook_secret: str = Field(default="")
#                          ^^^< {{"stripe_webhook_secret" is a plain string too}}
    jwt_private_key: bytes = b""
#                    ^^^^^< {{"jwt_private_key" is a plain string too}}


class BaseAppSettings(BaseSettings):
    pass


class ProdSettings(BaseAppSettings):
    redis_password: str  # Noncompliant {{Make sure "redis_password" cannot leak: type it as SecretStr so that its value is hidden in repr(), logs and tracebacks.}}


class StorageSettings(BaseSettings):
    # an access key is the public half of a key pair (the user name); its secret half is the secret
    minio_access_key: str = "minio"
    aws_access_key_id: str = ""
    minio_secret_key: str = "minio123"  # Noncompliant


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
