# Settings that are not literals: unknown
from .live import *  # noqa

MIDDLEWARE = build_middleware(["django.middleware.common.CommonMiddleware"])
MIDDLEWARE = list(MIDDLEWARE) + EXTRA_MIDDLEWARE
