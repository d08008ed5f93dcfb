import os

import dj_database_url

INSTALLED_APPS = ["mysite"]
# Compliant: built from the environment (unknown)
DATABASES = {"default": dj_database_url.config(conn_max_age=600)}
DATABASES["default"]["OPTIONS"] = {"options": os.environ.get("PG_OPTIONS", "")}
