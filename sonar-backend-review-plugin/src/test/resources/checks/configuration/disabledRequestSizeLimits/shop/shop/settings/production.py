import os

from .base import *  # noqa

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = None  # Noncompliant {{Set DATA_UPLOAD_MAX_MEMORY_SIZE to a number in "production.py" instead of None: a request body of any size is read into memory (default 2.5 MB), which lets one client exhaust the server's memory or CPU.}}
if os.environ.get("BULK_IMPORT"):
    DATA_UPLOAD_MAX_NUMBER_FILES = None  # Compliant: conditional, unknown
