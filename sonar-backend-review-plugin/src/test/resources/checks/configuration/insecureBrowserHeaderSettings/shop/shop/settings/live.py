import os

from .base import *  # noqa

X_FRAME_OPTIONS = os.environ.get("X_FRAME_OPTIONS", "DENY")  # Compliant: unknown
SECURE_REFERRER_POLICY = "same-orign"  # Noncompliant {{Set SECURE_REFERRER_POLICY to a valid policy such as "same-origin" in "live.py": "same-orign" is not one, and Django refuses to start with it (security.E023).}}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same_origin"  # Noncompliant {{Set SECURE_CROSS_ORIGIN_OPENER_POLICY to "same-origin" in "live.py": "same_origin" is not a policy, and Django refuses to start with it (security.E024).}}
