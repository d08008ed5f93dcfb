import os

from .base import *  # noqa

# Compliant: read from the environment, with a safe fallback
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
DEBUG_PROPAGATE_EXCEPTIONS = False
