# an example project shipped with a reusable app: documentation, never deployed
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
