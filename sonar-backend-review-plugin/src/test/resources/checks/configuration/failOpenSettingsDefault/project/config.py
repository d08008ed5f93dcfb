import os

# not a Django settings module (a FastAPI service's config)
DEBUG = os.environ.get("APP_DEBUG", True)
