import os

from .base import *  # noqa

DEBUG = False
DEBUG_PROPAGATE_EXCEPTIONS = True  # Noncompliant {{Remove DEBUG_PROPAGATE_EXCEPTIONS = True from "production.py": exceptions then escape Django's error handling and reach the server with their details.}}

# Compliant look-alikes
if os.environ.get("TRACE"):
    DEBUG = True  # conditional: not a known value
