INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "shop"]
# overridden in production.py, inherited as is by staging.py
AUTH_PASSWORD_VALIDATORS = []  # Noncompliant {{List Django's password validators in AUTH_PASSWORD_VALIDATORS of "staging.py": an empty list accepts any password, even "1" or the user's name.}}
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.SHA1PasswordHasher",  # Noncompliant
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
