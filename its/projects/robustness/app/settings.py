import os

(DEBUG, TEMPLATE_DEBUG) = (False, False)
SECRET_KEY, OTHER = os.environ["SECRET_KEY"], None
INSTALLED_APPS = ["app"]
ROOT_URLCONF = "app.urls"
ALLOWED_HOSTS = [host for host in os.environ.get("HOSTS", "").split(",") if host]
ALLOWED_HOSTS += [*os.environ.get("EXTRA_HOSTS", "").split()]
ALLOWED_HOSTS[0:0] = ["localhost"]
globals()["ALLOWED_HOSTS"] = ["*"]
if (debug := os.environ.get("DEBUG")) is not None:
    DEBUG = debug == "1"
