from .base import *  # noqa

# development settings are not deployable: a wildcard is fine here
DEBUG = True
ALLOWED_HOSTS = ["*"]
