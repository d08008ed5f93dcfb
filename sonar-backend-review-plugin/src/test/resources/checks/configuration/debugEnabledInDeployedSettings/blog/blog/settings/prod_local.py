# "local" marks it as a developer's settings, even with "prod" in the name
from .production import *  # noqa

DEBUG = True
