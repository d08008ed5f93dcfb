import os

SECRET_KEY = os.environ["SECRET_KEY"]
INSTALLED_APPS = ["django.contrib.auth", "shop"]
ROOT_URLCONF = "mysite.urls"
ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
