# a single settings.py: deployable; no AUTH_PASSWORD_VALIDATORS, so Django accepts any password
import os

SECRET_KEY = os.environ["SECRET_KEY"]
INSTALLED_APPS = [  # Noncompliant {{Add AUTH_PASSWORD_VALIDATORS to "settings.py": without it Django accepts any password, even "1" or the user's name.}}
    "django.contrib.admin",
    "django.contrib.auth.apps.AuthConfig",
    "blog",
]
# Compliant: a hasher list read from the environment is unknown; a strong hasher first
PASSWORD_HASHERS = os.environ.get("HASHERS", "").split(",")
