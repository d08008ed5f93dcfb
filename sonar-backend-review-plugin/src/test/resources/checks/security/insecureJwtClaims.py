import datetime

import jwt
from jose import jwt as jose_jwt

from django.conf import settings

SECRET_KEY = settings.SECRET_KEY


def create_access_token(user):
    return jwt.encode({"sub": str(user.id), "role": user.role}, SECRET_KEY, algorithm="HS256")  # Noncompliant {{Add an "exp" claim to this token: without one, a leaked or stolen token stays valid forever.}}
#          ^^^^^^^^^^


def create_token_from_variable(user):
    payload = {"sub": str(user.id)}
    payload["scope"] = "read"
    return jose_jwt.encode(payload, SECRET_KEY, algorithm="HS256")  # Noncompliant


def create_token_with_password(user):
    payload = {
        "sub": user.username,
        "password": user.password,  # Noncompliant {{Remove "password" from this token's payload: a JWT is only base64-encoded, whoever holds it can read it.}}
        "exp": datetime.datetime.utcnow() + datetime.timedelta(minutes=15),
    }
    return jwt.encode(payload, SECRET_KEY, algorithm="HS256")


def create_token_with_hash(user):
    claims = dict(sub=user.username, pwd=user.password_hash, exp=expiry())  # Noncompliant
    return jwt.encode(claims, SECRET_KEY, algorithm="HS256")


def read_token(token):
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_exp": False})  # Noncompliant {{Remove "verify_exp": False from this jwt.decode(): expired tokens would be accepted forever.}}
#                                                                       ^^^^^^^^^^^^^^^^^^^


def read_token_any_audience(token):
    options = {"verify_aud": False}
    return jose_jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options=options)  # Noncompliant@-1


# Compliant look-alikes

def create_access_token_expiring(user):
    now = datetime.datetime.now(datetime.timezone.utc)
    payload = {"sub": str(user.id), "iat": now}
    payload["exp"] = now + datetime.timedelta(minutes=15)
    return jwt.encode(payload, SECRET_KEY, algorithm="HS256")


def create_signed_link(user):
    return jwt.encode({"sub": user.id, "expires_at": expiry().isoformat()}, SECRET_KEY, algorithm="HS256")


def create_token_unknown_claims(user, extra):
    payload = {"sub": str(user.id), **extra}
    token = jwt.encode(payload, SECRET_KEY, algorithm="HS256")
    claims = {"sub": str(user.id)}
    claims.update(build_expiry())
    return token, jwt.encode(claims, SECRET_KEY, algorithm="HS256")


def create_token_password_changed(user):
    return jwt.encode({"sub": user.id, "password_changed_at": user.changed, "exp": expiry()}, SECRET_KEY, algorithm="HS256")


def create_token_passed_in(payload):
    return jwt.encode(payload, SECRET_KEY, algorithm="HS256")


def read_token_verified(token):
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], audience="api", options={"require": ["exp", "aud"]})


def read_unverified_header(token):
    # signature verification off: SonarPython's S5659 reports it
    return jwt.decode(token, options={"verify_signature": False, "verify_exp": False})


def test_create_token():
    assert jwt.encode({"sub": "1"}, "k", algorithm="HS256")


def expiry():
    return datetime.datetime.utcnow() + datetime.timedelta(minutes=15)


def build_expiry():
    return {"exp": expiry()}
