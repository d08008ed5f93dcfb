"""Local development settings: convenient fallbacks are fine here."""
import os

from .base import *  # noqa: F401,F403

DEBUG = os.environ.get("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-key")
ALLOWED_HOSTS = ["*"]
