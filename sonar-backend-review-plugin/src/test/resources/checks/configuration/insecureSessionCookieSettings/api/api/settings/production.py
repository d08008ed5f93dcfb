# Compliant: a token API with neither sessions nor the CSRF middleware
INSTALLED_APPS = ["django.contrib.contenttypes", "rest_framework", "api"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"]
