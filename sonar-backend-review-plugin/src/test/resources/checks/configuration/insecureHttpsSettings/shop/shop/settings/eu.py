# named by wsgi.py: deployed
from .base import *  # noqa

SECURE_HSTS_SECONDS = 0  # Noncompliant
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_SSL", "on")  # Compliant: a META key, any value the proxy sends
