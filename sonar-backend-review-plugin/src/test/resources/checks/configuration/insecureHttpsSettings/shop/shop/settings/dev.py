from .base import *  # noqa

# development settings: not checked
SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "https")
