import os

# local development settings: fallbacks are fine here
DEBUG = os.environ.get("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "local-dev-key")
