from .base import *  # noqa

DATA_UPLOAD_MAX_MEMORY_SIZE = None
