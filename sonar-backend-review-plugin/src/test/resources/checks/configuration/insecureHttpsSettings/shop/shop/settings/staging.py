from .base import *  # noqa

SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "https")  # Noncompliant {{Write "HTTP_X_FORWARDED_PROTO" in SECURE_PROXY_SSL_HEADER of "staging.py": Django looks the header up in request.META, so "X-Forwarded-Proto" never matches and every request looks like HTTP.}}
#                          ^^^^^^^^^^^^^^^^^^^
