# Not a Django settings module: a variable that happens to have the same name
ALLOWED_HOSTS = ["*"]
