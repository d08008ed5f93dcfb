# Bad input: circular star imports make the settings unknown: silent, no crash
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]

from .staging import *  # noqa
