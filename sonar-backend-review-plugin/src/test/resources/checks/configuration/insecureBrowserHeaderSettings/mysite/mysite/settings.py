INSTALLED_APPS = ["mysite"]
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_REFERRER_POLICY = None  # Compliant: no header, the browser's default (strict-origin-when-cross-origin) applies
