import jwt
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI, Response

app = FastAPI()


def login_view(request):
    token = jwt.encode({"sub": request.user.pk}, settings.SECRET_KEY, algorithm="HS256")
    response = JsonResponse({"ok": True})
    response.set_cookie("access_token", token)  # Noncompliant {{Add secure=True and httponly=True to this "access_token" cookie: it carries authentication, and would be sent over plain HTTP and readable by any injected script.}}
#   ^^^^^^^^^^^^^^^^^^^
    return response


def remember(request):
    response = HttpResponse()
    response.set_cookie("remember_me", request.user.remember_key, httponly=True)  # Noncompliant {{Add secure=True to this "remember_me" cookie: it carries authentication, and would be sent over plain HTTP.}}
    return response


@app.post("/login")
def fastapi_login(response: Response):
    jwt_value = jwt.encode({"sub": "1", "exp": 1}, settings.SECRET_KEY, algorithm="HS256")
    response.set_cookie(key="session", value=jwt_value, secure=True, httponly=False)  # Noncompliant {{Add httponly=True to this "session" cookie: it carries authentication, and any injected script could read it.}}
    return {"ok": True}


@app.post("/cross")
def cross_site(response: Response, token: str):
    response.set_cookie("sid", token, httponly=True, samesite="none")  # Noncompliant {{Add secure=True to this "sid" cookie: it carries authentication and is sent on cross-site requests (samesite="none"), and browsers reject such a cookie without secure.}}
    return {}


def value_named(request):
    refresh_token = make()
    response = HttpResponse()
    response.set_cookie("rt", refresh_token)  # Noncompliant
    return response


# Compliant look-alikes

def secure_login(request):
    token = jwt.encode({"sub": request.user.pk}, settings.SECRET_KEY, algorithm="HS256")
    response = JsonResponse({"ok": True})
    response.set_cookie("access_token", token, secure=True, httponly=True, samesite="Lax")
    response.set_cookie("session", token, secure=settings.SESSION_COOKIE_SECURE, httponly=True)
    return response


def other_cookies(request):
    response = HttpResponse()
    response.set_cookie("django_language", "fr")
    response.set_cookie("theme", request.GET["theme"])
    response.set_cookie("csrftoken", request.META["CSRF_COOKIE"])
    response.set_cookie("csrf_token", get_csrf())
    return response


def logout(request):
    response = HttpResponse()
    response.set_cookie("access_token", "", max_age=0)
    response.set_cookie("session", **cookie_options())
    return response


def make():
    return "x"


def get_csrf():
    return "x"


def cookie_options():
    return {}


def test_login_cookie(client):
    response = HttpResponse()
    response.set_cookie("access_token", "abc")
