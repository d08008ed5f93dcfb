# a second, single-file settings module: deployable
DEBUG = False
INSTALLED_APPS = []
ALLOWED_HOSTS = ("*",)  # Noncompliant
