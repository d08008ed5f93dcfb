from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "dev-only-secret"
ALLOWED_HOSTS = ["*"]  # development settings: not deployable, not reported
