from .base import *  # noqa

MIDDLEWARE += ["django.middleware.clickjacking.XFrameOptionsMiddleware"]  # Noncompliant {{Add a Content-Security-Policy to "production.py" (django-csp's "csp.middleware.CSPMiddleware", or Django 6.0's ContentSecurityPolicyMiddleware with SECURE_CSP) unless the proxy sets one: it is the browser's last line of defence against injected scripts.}}
