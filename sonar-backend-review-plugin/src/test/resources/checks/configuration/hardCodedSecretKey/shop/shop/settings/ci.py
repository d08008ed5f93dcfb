from .base import *  # noqa

SECRET_KEY = "ci-only"
