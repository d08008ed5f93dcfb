from .production import *  # noqa

ROOT_URLCONF = "cycle.urls"
