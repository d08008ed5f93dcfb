from .base import *  # noqa

# Compliant: production overrides the base's allow-all with a list
CORS_ALLOW_ALL_ORIGINS = False
CORS_ALLOWED_ORIGINS = ["https://shop.example"]
