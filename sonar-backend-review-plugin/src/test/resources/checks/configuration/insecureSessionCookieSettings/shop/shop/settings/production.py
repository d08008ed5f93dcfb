# the CSRF cookie is not Secure: reported on the first statement of the deployed module
from .base import *  # Noncompliant {{Set CSRF_COOKIE_SECURE = True in "production.py": without it the browser also sends the CSRF cookie over plain HTTP, where anyone on the network can read it.}}

SESSION_COOKIE_SECURE = True
