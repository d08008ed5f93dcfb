# Compliant look-alikes: dictionaries that are not fully literal, or changed after the assignment, are unknown
from api.drf import BASE_REST_FRAMEWORK

INSTALLED_APPS = ["django.contrib.auth", "rest_framework", "api"]
REST_FRAMEWORK = {**BASE_REST_FRAMEWORK, "PAGE_SIZE": 20}
