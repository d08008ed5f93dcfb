# Compliant: an explicit choice, even AllowAny, is the team's decision
INSTALLED_APPS = ["rest_framework", "tool"]
REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"]}
