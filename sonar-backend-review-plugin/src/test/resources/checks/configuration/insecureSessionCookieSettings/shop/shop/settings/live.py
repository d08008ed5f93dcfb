# Compliant look-alikes: values from the environment are unknown
import os

import environ

from .base import *  # noqa

env = environ.Env()
SESSION_COOKIE_SECURE = env.bool("DJANGO_SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = os.environ.get("HTTPS", "on") == "on"
CSRF_COOKIE_SAMESITE = "None"
