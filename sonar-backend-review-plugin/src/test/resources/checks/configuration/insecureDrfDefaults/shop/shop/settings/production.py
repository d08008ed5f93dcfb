from .base import *  # noqa

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",  # Noncompliant {{Remove BasicAuthentication from the DEFAULT_AUTHENTICATION_CLASSES of "production.py": it sends the user's password with every request and invites brute force; use session or token authentication.}}
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    ],
}
