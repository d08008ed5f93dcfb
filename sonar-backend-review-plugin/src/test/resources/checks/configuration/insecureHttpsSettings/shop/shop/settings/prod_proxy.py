# Compliant: the team silenced Django's warnings (the proxy redirects and sends HSTS)
from .base import *  # noqa

SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008"]
