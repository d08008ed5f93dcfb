# an example project shipped with a reusable app: documentation, never deployed
SECRET_KEY = "change-me"
INSTALLED_APPS = ["django.contrib.admin"]
ROOT_URLCONF = "example_project.urls"
