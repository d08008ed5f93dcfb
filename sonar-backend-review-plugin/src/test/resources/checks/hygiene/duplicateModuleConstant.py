import os
from typing import Final

ACCESS_TOKEN_EXPIRE_MINUTES = 30
# ^[sc=1;ec=27]> {{First definition}}
REFRESH_TOKEN_EXPIRE_DAYS = 7
ACCESS_TOKEN_EXPIRE_MINUTES = 60 * 24  # Noncompliant {{Remove or rename this second definition of "ACCESS_TOKEN_EXPIRE_MINUTES": it silently replaces the value set on line 4.}}
# ^[sc=1;ec=27]

ALGORITHM = "HS256"
ALGORITHM = "HS256"  # Noncompliant {{Remove this redundant definition of "ALGORITHM": it repeats the one on line 10.}}

MAX_RETRIES: int = 3
MAX_RETRIES: Final = 5  # Noncompliant

TIMEOUT = LIMIT = 10
LIMIT = 20  # Noncompliant
_PRIVATE_DEFAULT = "a"
_PRIVATE_DEFAULT = "b"  # Noncompliant

# Compliant look-alikes
INSTALLED_APPS = ["django.contrib.auth"]
INSTALLED_APPS = INSTALLED_APPS + ["shop"]  # extends the previous value
INSTALLED_APPS += ["api"]  # augmented assignment extends too
CACHE_TTL = int(os.environ.get("CACHE_TTL", "0"))
CACHE_TTL = CACHE_TTL or 300

try:
    from ujson import dumps
    FAST_JSON = True
except ImportError:
    FAST_JSON = False  # conditional definitions are alternatives, not duplicates

if os.environ.get("DEBUG"):
    LOG_LEVEL = "DEBUG"
else:
    LOG_LEVEL = "INFO"
LOG_LEVEL = os.environ.get("LOG_LEVEL", LOG_LEVEL)

logger = None
logger = object()  # not a constant name
X = 1
X = 2  # one-letter names are loop/math variables more than constants
a, B = 1, 2
B = 3  # tuple unpacking is not a plain constant definition


class Config:
    DEBUG = False
    DEBUG = True  # class attributes: not module-level


def configure():
    PAGE_SIZE = 10
    PAGE_SIZE = 20  # local variables: not module-level
    return PAGE_SIZE
