SECRET_KEY = "x"
INSTALLED_APPS = ["rest_framework", "shop", "api"]
REST_FRAMEWORK = {
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
