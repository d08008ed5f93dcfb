from .base import *  # noqa

# Compliant look-alikes
X_FRAME_OPTIONS = "sameorigin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = ["no-referrer", "strict-origin-when-cross-origin"]
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin-allow-popups"
