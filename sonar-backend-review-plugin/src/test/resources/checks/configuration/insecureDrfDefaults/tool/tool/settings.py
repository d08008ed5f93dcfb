# Compliant: the permission default is set after the assignment; an explicit default is the team's decision
INSTALLED_APPS = ["rest_framework", "tool"]
REST_FRAMEWORK = {"PAGE_SIZE": 20}
REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"] = ["rest_framework.permissions.IsAdminUser"]
