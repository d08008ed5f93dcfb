import os

SECRET_KEY = os.environ["SECRET_KEY"]
X_FRAME_OPTIONS = "ALLOW-FROM https://partner.example.com"  # Compliant: production.py overrides it
SECURE_REFERRER_POLICY = "same-origin"
