# Compliant: the project does not use django.contrib.auth (token auth against another service)
INSTALLED_APPS = ["django.contrib.contenttypes", "api"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",  # Compliant: kept to upgrade legacy hashes
]
