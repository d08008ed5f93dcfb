# named by wsgi.py: deployed
from .base import *  # noqa

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "None"  # Compliant: the cookie is Secure
SESSION_COOKIE_HTTPONLY = False  # Noncompliant {{Remove SESSION_COOKIE_HTTPONLY = False from "eu.py": any script injected into a page can then read the session id.}}
SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"  # Noncompliant {{Use "django.contrib.sessions.serializers.JSONSerializer" in "eu.py": unpickling session data runs code of whoever can sign a session (a leaked SECRET_KEY, a writable cache).}}
CSRF_COOKIE_HTTPONLY = False  # Compliant: Django documents no protection from it
