from .base import *  # noqa

DEBUG = True
CORS_ORIGIN_ALLOW_ALL = True
