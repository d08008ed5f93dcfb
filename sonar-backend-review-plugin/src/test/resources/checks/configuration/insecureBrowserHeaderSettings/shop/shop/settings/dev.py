from .base import *  # noqa

# development settings: not checked
X_FRAME_OPTIONS = "ALLOWALL"
SECURE_CONTENT_TYPE_NOSNIFF = False
