# Bad input: a star import of a module that does not exist may set anything: every setting is unknown
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]

from .missing_module import *  # noqa
