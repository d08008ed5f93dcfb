import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_project.settings")
