from .base import *  # noqa

# development settings: not checked
SESSION_COOKIE_HTTPONLY = False
SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"
