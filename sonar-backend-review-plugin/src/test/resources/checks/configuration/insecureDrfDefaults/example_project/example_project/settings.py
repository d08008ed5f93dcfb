# an example project shipped with a reusable app: documentation, never deployed
INSTALLED_APPS = ["django.contrib.auth", "rest_framework"]
