# A single settings.py: S4507 (SonarPython) reports DEBUG = True here, this rule does not repeat it
DEBUG = True
DEBUG_PROPAGATE_EXCEPTIONS = True
SECRET_KEY = "demo"
INSTALLED_APPS = ["demo"]
