import os

INSTALLED_APPS = ["mysite"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = None  # Noncompliant {{Set DATA_UPLOAD_MAX_NUMBER_FIELDS to a number in "settings.py" instead of None: a request with millions of form fields is parsed (default 1000), which lets one client exhaust the server's memory or CPU.}}
DATA_UPLOAD_MAX_NUMBER_FILES = None  # Noncompliant
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("MAX_BODY", 5242880))  # Compliant: unknown
