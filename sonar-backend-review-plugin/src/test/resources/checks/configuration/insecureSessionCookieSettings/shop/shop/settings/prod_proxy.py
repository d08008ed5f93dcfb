# Compliant: set under a condition (unknown)
import os

from .base import *  # noqa

if os.environ.get("HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
