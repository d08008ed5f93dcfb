from .base import *  # noqa

# development settings: anything goes
DEBUG = True
REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.BasicAuthentication"]}
