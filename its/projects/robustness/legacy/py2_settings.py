# Python 2 era Django settings and helpers
import os

DEBUG = os.environ.get("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "legacy-secret")
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ("django.contrib.auth", "legacy")
ROOT_URLCONF = "legacy.urls"
MAX_UPLOAD = 10L * 1024 * 1024

print "settings loaded"


def describe(value):
    try:
        return `value`
    except Exception, e:
        print >>sys.stderr, "cannot describe", e
        exec "x = 1"
        raise ValueError, "bad value"
