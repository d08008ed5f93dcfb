INSTALLED_APPS = ["corsheaders", "shop"]
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True  # Noncompliant {{List the trusted origins in CORS_ALLOWED_ORIGINS of "staging.py" or turn CORS_ALLOW_CREDENTIALS off: it also allows all origins, so every website can send your users' cookies and read the responses.}}
