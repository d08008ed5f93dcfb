# named like a settings module, but "local" marks it as non-deployable
SECRET_KEY = "x"
ALLOWED_HOSTS = ["*"]
