# test settings: not deployed
INSTALLED_APPS = ["django.contrib.admin"]
MIDDLEWARE = []
ROOT_URLCONF = "tests.urls"
