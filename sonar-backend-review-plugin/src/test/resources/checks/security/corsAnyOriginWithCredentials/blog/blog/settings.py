import os

INSTALLED_APPS = ["corsheaders", "blog"]
CORS_ALLOWED_ORIGIN_REGEXES = [
    r"^https://\w+\.blog\.example$",
    r"^https?://.*$",
]
CORS_ALLOW_CREDENTIALS = True  # Noncompliant {{List the trusted origins in CORS_ALLOWED_ORIGINS of "settings.py" or turn CORS_ALLOW_CREDENTIALS off: its origin regex "^https?://.*$" matches any origin, so every website can send your users' cookies and read the responses.}}
# Compliant look-alikes: no credentials with allow-all, an environment switch
CORS_ORIGIN_ALLOW_ALL = os.environ.get("CORS_ALL") == "1"
