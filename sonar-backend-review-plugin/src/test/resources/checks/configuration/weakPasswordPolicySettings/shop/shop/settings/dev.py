from .base import *  # noqa

# development settings: short passwords and a fast hasher are fine here
DEBUG = True
AUTH_PASSWORD_VALIDATORS = []
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
