INSTALLED_APPS = ["django.contrib.auth", "rest_framework", "shop"]
# overridden in production.py, inherited as is by staging.py
REST_FRAMEWORK = {  # Noncompliant {{Set REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"] in "staging.py" (e.g. IsAuthenticated): without it every API view that does not declare permission_classes allows anonymous requests (AllowAny).}}
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
