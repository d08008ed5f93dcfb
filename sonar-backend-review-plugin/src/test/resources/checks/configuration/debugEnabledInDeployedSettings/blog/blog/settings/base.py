import os

DEBUG = True  # Noncompliant {{Set DEBUG to False: "staging.py" is deployed with it on, which shows tracebacks, settings and SQL to every visitor.}}
SECRET_KEY = os.environ["SECRET_KEY"]
INSTALLED_APPS = ["django.contrib.auth", "blog"]
