from .base import *  # noqa

MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
]
MIDDLEWARE += ["django.middleware.clickjacking.XFrameOptionsMiddleware"]  # Noncompliant {{In the MIDDLEWARE of "staging.py", add "django.middleware.security.SecurityMiddleware" (HTTPS redirect, HSTS, nosniff and referrer-policy headers); add "django.middleware.csrf.CsrfViewMiddleware" (CSRF protection of every form and cookie-authenticated POST); move "django.contrib.sessions.middleware.SessionMiddleware" before "django.contrib.auth.middleware.AuthenticationMiddleware"; move "corsheaders.middleware.CorsMiddleware" before "django.middleware.common.CommonMiddleware".}}
