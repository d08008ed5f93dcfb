# Compliant: framed by a partner portal, and the team silenced Django's warning
from .base import *  # noqa

X_FRAME_OPTIONS = "ALLOW-FROM https://portal.example.com"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
