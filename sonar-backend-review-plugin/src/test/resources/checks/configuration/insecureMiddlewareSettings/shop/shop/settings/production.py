from .base import *  # noqa

MIDDLEWARE.insert(0, "django.middleware.security.SecurityMiddleware")
