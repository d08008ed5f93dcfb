# a single settings.py: deployable
import os

from django.core.management.utils import get_random_secret_key

# Compliant look-alikes: read from a file, the environment, generated
with open("/etc/tool/secret_key.txt") as f:
    SECRET_KEY = f.read().strip()
SECRET_KEY = os.environ.get("SECRET_KEY") or get_random_secret_key()
INSTALLED_APPS = ["tool"]
DATABASES = {}
ROOT_URLCONF = "tool.urls"
