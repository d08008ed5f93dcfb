# environment read with a literal fallback: FailOpenSettingsDefault's finding, not this rule's
import os

SECRET_KEY = os.environ.get("SECRET_KEY", "fallback-secret")
INSTALLED_APPS = ["tool"]
ROOT_URLCONF = "tool.urls"
