from .base import *  # noqa

# development settings: a literal key is fine
SECRET_KEY = "dev"
DEBUG = True
