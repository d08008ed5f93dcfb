# A demo project's settings: DEBUG is on unconditionally, this cannot be deployed as it is.
DEBUG = True

ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = ["django.contrib.admin"]
ROOT_URLCONF = "sandbox.urls"
