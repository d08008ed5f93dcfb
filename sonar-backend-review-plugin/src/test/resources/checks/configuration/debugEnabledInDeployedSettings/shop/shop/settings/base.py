# Compliant: every deployed configuration overrides DEBUG
DEBUG = True
SECRET_KEY = "unused"
INSTALLED_APPS = ["django.contrib.auth", "shop"]
ROOT_URLCONF = "shop.urls"
