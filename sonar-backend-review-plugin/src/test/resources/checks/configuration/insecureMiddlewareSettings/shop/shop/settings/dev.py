from .base import *  # noqa

# development settings: not checked
MIDDLEWARE = ["debug_toolbar.middleware.DebugToolbarMiddleware"]
