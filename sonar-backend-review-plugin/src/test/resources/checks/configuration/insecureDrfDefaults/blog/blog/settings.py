# a single settings.py: deployable, DRF installed and no REST_FRAMEWORK at all
INSTALLED_APPS = [  # Noncompliant {{Set REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"] in "settings.py" (e.g. IsAuthenticated): without it every API view that does not declare permission_classes allows anonymous requests (AllowAny).}}
    "django.contrib.auth",
    "rest_framework.apps.RestFrameworkConfig",
    "blog",
]
