INSTALLED_APPS = ["shop"]
ROOT_URLCONF = "project.urls"
