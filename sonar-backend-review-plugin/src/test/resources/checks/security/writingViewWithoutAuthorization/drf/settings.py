SECRET_KEY = "x"
INSTALLED_APPS = ["django.contrib.auth", "rest_framework", "api"]
ROOT_URLCONF = "urls"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
}
