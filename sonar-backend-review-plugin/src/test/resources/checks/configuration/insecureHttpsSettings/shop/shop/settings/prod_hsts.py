# Compliant: HSTS without a redirect (the proxy redirects)
from .base import *  # noqa

SECURE_HSTS_SECONDS = 31536000
SECURE_SSL_REDIRECT = False
