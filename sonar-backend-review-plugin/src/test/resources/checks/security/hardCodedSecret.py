import hashlib
import hmac

import jwt
from jose import jwt as jose_jwt
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings

JWT_SECRET = "s3cr3t-Kj8dhf7Gh2"


class Settings(BaseSettings):
    app_name: str = "shop"
    jwt_secret: str = "kd8Fj2mQ9xLp0ZrT"  # Noncompliant {{Remove this default from "jwt_secret" and make the field required: with a secret in the code, a deployment that misses the environment variable silently runs with a key everyone who reads the repository knows.}}
#                     ^^^^^^^^^^^^^^^^^^
    db_dsn: SecretStr = Field(default="postgres-prod-pass")  # Noncompliant
    stripe_api_key: SecretStr = SecretStr("sk_live_51Habc")  # Noncompliant
    admin_password: str = Field("P4ssw0rd!")  # Noncompliant
    # compliant: required, placeholders, empty, not a secret
    secret_key: SecretStr
    api_token: str = ""
    webhook_secret: str = "changeme"
    client_secret: str = "<client-secret>"
    access_token: str = Field(default_factory=lambda: "x")
    token_expire_minutes: int = 30
    token_url: str = "https://auth.example.org/token"
    password_min_length: int = 12


def mint(payload):
    return jwt.encode(payload, "my-signing-key", algorithm="HS256")  # Noncompliant {{Load this JWT signing key from the environment or a secret store: whoever reads the code can mint valid tokens.}}


def verify(token):
    return jose_jwt.decode(token, JWT_SECRET, algorithms=["HS256"])  # Noncompliant {{Load this JWT verification key from the environment or a secret store: whoever reads the code can mint valid tokens.}}
#                                 ^^^^^^^^^^


def sign(body):
    return hmac.new(b"webhook-key-2024", body, hashlib.sha256).hexdigest()  # Noncompliant {{Load this HMAC key from the environment or a secret store: whoever reads the code can forge signatures.}}


def short_key(payload):
    return jwt.encode(payload, "secret", algorithm="HS256")  # Noncompliant


# Compliant look-alikes

def mint_from_settings(payload, settings):
    return jwt.encode(payload, settings.jwt_secret.get_secret_value(), algorithm="HS256")


def mint_from_argument(payload, key):
    return jwt.encode(payload, key, algorithm="HS256")


def placeholder(payload):
    return jwt.encode(payload, "changeme", algorithm="HS256")


def public_key_decode(token, public_key):
    return jwt.decode(token, public_key, algorithms=["RS256"])


def sign_with_env(body, os_environ):
    key = os_environ["WEBHOOK_KEY"].encode()
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def test_token_roundtrip():
    token = jwt.encode({"sub": "1"}, "test-key-123456", algorithm="HS256")
    assert jwt.decode(token, "k8s7d6f5g4h3", algorithms=["HS256"])


import os

STRIPE_API_KEY = os.getenv("STRIPE_API_KEY", "sk_live_51Habcdef")  # Noncompliant {{Remove this fallback for "STRIPE_API_KEY" and fail when the variable is missing: a deployment that forgets it silently runs with a secret everyone who reads the repository knows.}}
#                                            ^^^^^^^^^^^^^^^^^^^
DB_PASSWORD = os.environ.get("DB_PASSWORD", "hunter2")  # Noncompliant
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-abc")
DJANGO_SECRET = os.environ.get("DJANGO_SECRET_KEY", "k8s7d6f5g4h3j2")
API_TOKEN = os.getenv("API_TOKEN", "")
WEBHOOK_SECRET = os.getenv("WEBHOOK_SECRET", "changeme")
TOKEN_URL = os.getenv("TOKEN_URL", "https://auth.example.org/token")
