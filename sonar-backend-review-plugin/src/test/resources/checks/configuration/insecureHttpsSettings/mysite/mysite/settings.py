# Compliant: a single settings.py is not certainly deployed (the absent settings are not reported)
INSTALLED_APPS = ["django.contrib.sessions", "mysite"]
SECURE_PROXY_SSL_HEADER = ["HTTP_X_FORWARDED_PROTO", "https"]
