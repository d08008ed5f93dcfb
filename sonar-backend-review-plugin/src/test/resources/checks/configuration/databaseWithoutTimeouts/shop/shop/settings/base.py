import os

INSTALLED_APPS = ["shop"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",  # Noncompliant {{Add "connect_timeout" and "options": "-c statement_timeout=..." to the OPTIONS of the "default" database in "production.py", and CONN_MAX_AGE or a pool: without them a stuck database or a runaway query holds a worker, and then every worker, forever.}}
        "NAME": "shop",
        "HOST": os.environ["DB_HOST"],
    },
    "reports": {
        "ENGINE": "django.db.backends.postgresql",  # Noncompliant {{Add "options": "-c statement_timeout=..." to the OPTIONS of the "reports" database in "production.py": without them a stuck database or a runaway query holds a worker, and then every worker, forever.}}
        "NAME": "reports",
        "CONN_MAX_AGE": 60,
        "OPTIONS": {"connect_timeout": 5},
    },
    "legacy": {
        "ENGINE": "django.db.backends.mysql",  # Compliant: not PostgreSQL
        "NAME": "legacy",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",  # Compliant: both timeouts
        "NAME": "shop",
        "OPTIONS": {"connect_timeout": 5, "options": "-c statement_timeout=30s", "pool": True},
    },
}
