# Compliant look-alike: a list changed under a condition is not known
import os

from .production import *  # noqa

if os.environ.get("BEHIND_PROXY"):
    MIDDLEWARE.append("shop.middleware.ProxyMiddleware")
