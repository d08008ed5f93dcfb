import os

from .base import *  # noqa: F401,F403

# Fails open: a deployment that forgets DJANGO_DEBUG runs with DEBUG on.
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# Behind the load balancer "any host" looked convenient.
ALLOWED_HOSTS = ["shop.example.com", "*"]

CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SECURE = True
