from .base import *  # noqa

ALLOWED_HOSTS = ["staging.shop.example"]
