from .base import *  # noqa

# development settings: never deployed
DEBUG = True
DEBUG_PROPAGATE_EXCEPTIONS = True
