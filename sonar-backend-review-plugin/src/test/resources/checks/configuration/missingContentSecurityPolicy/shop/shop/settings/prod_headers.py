# Compliant: a middleware of the project that sets the security headers
from .base import *  # noqa

MIDDLEWARE.append("shop.middleware.SecurityHeadersMiddleware")
