# an API without the admin: no AuthenticationMiddleware needed
import os

INSTALLED_APPS = ["django.contrib.contenttypes", "rest_framework", "api"]
ROOT_URLCONF = "api.urls"
MIDDLEWARE = [  # Noncompliant {{In the MIDDLEWARE of "settings.py", add "django.middleware.clickjacking.XFrameOptionsMiddleware" (clickjacking protection).}}
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
