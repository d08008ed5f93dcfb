from .base import *  # noqa

DEBUG = False

ALLOWED_HOSTS = ["shop.example.com", "*"]  # Noncompliant {{Replace this "*" with the host names the site serves: a wildcard in ALLOWED_HOSTS accepts any Host header.}}
#                                    ^^^

ALLOWED_HOSTS += ["*"]  # Noncompliant

ALLOWED_HOSTS.append("*")  # Noncompliant
ALLOWED_HOSTS.extend(("api.example.com", "*"))  # Noncompliant
ALLOWED_HOSTS.insert(0, "*")  # Noncompliant

ALLOWED_HOSTS = "*"  # Noncompliant

if os.environ.get("BEHIND_PROXY"):
    ALLOWED_HOSTS = ["*"]  # Noncompliant

# Compliant look-alikes
ALLOWED_HOSTS = ["shop.example.com", ".example.com"]  # subdomain wildcard is a deliberate, bounded choice
ALLOWED_HOSTS = ["*.example.com"]  # not a Django wildcard at all (matches nothing), not this rule's concern
ALLOWED_HOSTS.append("api.example.com")
CORS_ALLOWED_ORIGINS = ["*"]  # another setting
HOSTS = ["*"]

if DEBUG:
    ALLOWED_HOSTS = ["*"]  # only when debugging

if DEBUG and os.environ.get("LOCAL"):
    ALLOWED_HOSTS += ["*"]


def configure():
    ALLOWED_HOSTS = ["*"]  # a local variable, not the setting
    return ALLOWED_HOSTS
