# Compliant: Django 6.0's policy settings
from .base import *  # noqa

SECURE_CSP = {"default-src": ["'self'"]}
