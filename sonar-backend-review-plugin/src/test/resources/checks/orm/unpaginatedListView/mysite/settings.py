SECRET_KEY = "x"
INSTALLED_APPS = ["rest_framework", "shop", "api"]
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
