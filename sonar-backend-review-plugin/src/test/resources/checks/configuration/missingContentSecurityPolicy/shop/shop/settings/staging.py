# Compliant: django-csp
from .base import *  # noqa

MIDDLEWARE = MIDDLEWARE + ["csp.middleware.CSPMiddleware"]
INSTALLED_APPS += ["csp"]
