from .base import *  # noqa

SESSION_COOKIE_SECURE = False  # Noncompliant {{Set SESSION_COOKIE_SECURE = True and CSRF_COOKIE_SECURE = True in "staging.py": without them the browser also sends the session and CSRF cookies over plain HTTP, where anyone on the network can read them.}}
