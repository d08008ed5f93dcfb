# Compliant: a star import that cannot be resolved may set anything
from .base import *  # noqa
from .secrets import *  # noqa
