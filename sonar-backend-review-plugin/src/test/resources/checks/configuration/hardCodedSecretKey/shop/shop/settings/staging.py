# inherits the literal key of base.py: reported there
from .base import *  # noqa

ALLOWED_HOSTS = ["staging.shop.example.com"]
