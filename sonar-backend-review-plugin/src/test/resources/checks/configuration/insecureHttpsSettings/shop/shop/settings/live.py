# Compliant look-alikes: values from the environment are unknown
import environ

from .base import *  # noqa

env = environ.Env()
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
