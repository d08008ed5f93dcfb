import hashlib
import hmac
import secrets

from django.conf import settings
from django.http import HttpResponseForbidden, JsonResponse
from django.utils.crypto import constant_time_compare
from fastapi import APIRouter, Depends, Header, HTTPException, Request

router = APIRouter()


def stripe_webhook(request):
    expected = hmac.new(settings.WEBHOOK_SECRET, request.body, hashlib.sha256).hexdigest()
    if expected != request.headers["X-Signature"]:  # Noncompliant {{Compare "expected" with hmac.compare_digest() instead of "!=": the time a string comparison takes tells an attacker how many leading characters they guessed right.}}
#      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        return HttpResponseForbidden()
    return JsonResponse({})


def verify_signature(payload, signature, key):
    # a helper: the MAC alone is enough
    return hmac.new(key, payload, hashlib.sha256).hexdigest() == signature  # Noncompliant


def django_api_key(request):
    if request.META.get("HTTP_X_API_KEY") != settings.API_KEY:  # Noncompliant
        return HttpResponseForbidden()
    return JsonResponse({})


def require_api_key(x_api_key: str = Header()):
    if x_api_key != settings.api_key:  # Noncompliant
        raise HTTPException(status_code=401)


@router.post("/reset")
def reset_password(code: str, user_id: int):
    user = load_user(user_id)
    if code != user.reset_token:  # Noncompliant
        raise HTTPException(status_code=400)


class TokenGenerator:
    def check_token(self, user, token):
        return token == self.make_token(user)  # Noncompliant


# Compliant look-alikes

def stripe_webhook_constant_time(request):
    expected = hmac.new(settings.WEBHOOK_SECRET, request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        return HttpResponseForbidden()
    return JsonResponse({})


def require_api_key_constant_time(x_api_key: str = Header()):
    if not secrets.compare_digest(x_api_key.encode(), settings.api_key.encode()):
        raise HTTPException(status_code=401)
    if not constant_time_compare(x_api_key, settings.API_KEY):
        raise HTTPException(status_code=401)


def signup(request):
    # both sides come from the request: a confirmation, not a secret check
    if request.POST["password"] != request.POST["password2"]:
        return JsonResponse({"error": "mismatch"}, status=400)
    new_password = request.POST["new_password"]
    if new_password == request.POST.get("confirm_password"):
        pass
    return JsonResponse({})


def token_kinds(request, token_type: str, token):
    if token_type == "Bearer":  # a constant
        pass
    if token == "":
        pass
    if token is None or token == None:
        pass
    if len(token) != 32:
        pass
    digest = hashlib.sha256(request.body).hexdigest()
    if digest == request.headers.get("ETag"):  # a content hash, not a MAC
        pass
    if request.GET.get("token_url") == settings.TOKEN_URL:  # not secrets by name
        pass


class Credential:
    def __init__(self, token):
        self.token = token

    def __eq__(self, other):
        return self.token == other.token

    def same(self, a, b):
        return a.token == b.token  # the same field of two records


def test_token_is_stable():
    token = make_token()
    assert token == make_token()
    assert hmac.new(b"k", b"m", hashlib.sha256).hexdigest() == "abc"


class ResetView:
    reset_url_token = "set-password"

    def dispatch(self, token):
        if token == self.reset_url_token:  # a constant of the class, not a secret
            return True


def update_totp(user, totp_secret, session, state, options):
    if totp_secret and user.tf_totp_secret != totp_secret:  # a changed value updated, not a check
        user.tf_totp_secret = totp_secret
    if state.identity_token == options.refresh_identity_token:  # an ORM shard key
        pass
    nonce = session.pop("nonce")
    if nonce == options.get("auth_nonce"):  # single-use: no repeated timing
        pass


class PasswordRetypeSerializer:  # djoser's sign-up: the retyped password against the typed one, both from the request
    def validate(self, attrs):
        re_password = attrs.pop("re_password")
        if attrs["password"] == re_password:
            return attrs
        return None


def load_user(user_id):
    return None


def make_token():
    return secrets.token_urlsafe()
