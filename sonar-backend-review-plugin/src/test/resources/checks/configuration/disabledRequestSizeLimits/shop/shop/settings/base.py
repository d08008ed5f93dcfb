INSTALLED_APPS = ["shop"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = None  # Compliant: production.py sets a limit
