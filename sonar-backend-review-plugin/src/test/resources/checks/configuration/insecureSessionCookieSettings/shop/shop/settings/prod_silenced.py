# Compliant: the team silenced Django's warnings about the cookie flags
from .base import *  # noqa

SILENCED_SYSTEM_CHECKS = ["security.W012", "security.W016"]
