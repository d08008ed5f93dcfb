import os
import environ
from decouple import config
from os import environ as os_environ, getenv

DEBUG = os.environ.get("DJANGO_DEBUG", True)  # Noncompliant {{Make this fallback False: DEBUG is on whenever "DJANGO_DEBUG" is not set in production.}}
#                                      ^^^^
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"  # Noncompliant
DEBUG = os.getenv("DJANGO_DEBUG", "true").lower() in ("true", "1", "yes")  # Noncompliant
DEBUG = getenv("DJANGO_DEBUG", "1") == "1"  # Noncompliant
DEBUG = bool(int(os.environ.get("DJANGO_DEBUG", 1)))  # Noncompliant
DEBUG = os_environ.get("DJANGO_DEBUG", "on").strip().lower() != "off"  # Noncompliant
DEBUG = config("DJANGO_DEBUG", default=True, cast=bool)  # Noncompliant

env = environ.Env(
    DEBUG=(bool, True),  # Noncompliant {{Make this fallback False: DEBUG is on whenever "DEBUG" is not set in production.}}
#                ^^^^
    SECRET_KEY=(str, ""),
)
DEBUG = env.bool("DJANGO_DEBUG", default=True)  # Noncompliant
DEBUG = env("DJANGO_DEBUG", default="yes")  # Noncompliant

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-0123456789")  # Noncompliant {{Remove this hard-coded fallback of SECRET_KEY: fail at start-up when "DJANGO_SECRET_KEY" is not set.}}
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "changeme"  # Noncompliant {{Remove this hard-coded fallback of SECRET_KEY: fail at start-up when the variable is not set.}}
SECRET_KEY = config("SECRET_KEY", default="not-so-secret")  # Noncompliant
SECRET_KEY = os.environ.setdefault("SECRET_KEY", "abc")  # Noncompliant

ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "*").split(",")  # Noncompliant {{Remove this "*" fallback of ALLOWED_HOSTS: every Host header is accepted when "DJANGO_ALLOWED_HOSTS" is not set.}}
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "*"])  # Noncompliant
ALLOWED_HOSTS = os.getenv("DJANGO_ALLOWED_HOSTS", "localhost,*").split(",")  # Noncompliant


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes")


def env_list(key: str, default: str = "") -> list:
    raw = os.getenv(key)
    if raw is None:
        raw = default
    return [item.strip() for item in raw.split(",") if item.strip()]


def read_setting(name, default):
    return SETTINGS_FILE.get(name, default)  # not an environment read


DEBUG = env_bool("DJANGO_DEBUG", True)  # Noncompliant {{Make this fallback False: DEBUG is on whenever "DJANGO_DEBUG" is not set in production.}}
DEBUG = env_bool("DJANGO_DEBUG", default=True)  # Noncompliant
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,*")  # Noncompliant

# Compliant look-alikes: safe fallbacks, no fallback, fail-closed parsing, other settings
DEBUG = os.environ.get("DJANGO_DEBUG", "False") == "True"
DEBUG = os.environ.get("DJANGO_DEBUG", False)
DEBUG = env_bool("DJANGO_DEBUG")
DEBUG = env_bool("DJANGO_DEBUG", False)
DEBUG = read_setting("DEBUG", True)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost")
DEBUG = os.getenv("DJANGO_DEBUG", "0") == "1"
DEBUG = os.getenv("DJANGO_DEBUG", "false").lower() in ("true", "1")
DEBUG = os.environ.get("DJANGO_DEBUG", "").lower() == "true"
DEBUG = os.getenv("DJANGO_ENV", "production") == "development"
DEBUG = "DJANGO_DEBUG" in os.environ
DEBUG = env.bool("DJANGO_DEBUG", default=False)
DEBUG = config("DJANGO_DEBUG", default=False, cast=bool)
DEBUG = os.environ["DJANGO_DEBUG"] == "1"
DEBUG = some_parser(os.environ.get("DJANGO_DEBUG", "1"))  # unknown parsing: silent
DEBUG = bool(os.environ.get("DJANGO_DEBUG", "False"))  # a different bug (bool("False") is True), not reported here
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
SECRET_KEY = env("DJANGO_SECRET_KEY")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or get_random_secret_key()
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[".example.com"])
SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", False)
CACHE_TTL = os.environ.get("CACHE_TTL", "300")

if DEBUG:
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only")


def debug_enabled():
    DEBUG = os.environ.get("DJANGO_DEBUG", True)  # a local variable in a function
    return DEBUG
