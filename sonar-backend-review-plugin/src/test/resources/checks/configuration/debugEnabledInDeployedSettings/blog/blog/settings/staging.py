# inherits DEBUG = True from base.py: reported there
from .base import *  # noqa

ALLOWED_HOSTS = ["staging.blog.example.com"]
