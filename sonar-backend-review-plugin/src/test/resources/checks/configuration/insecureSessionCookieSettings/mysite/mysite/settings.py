# a single settings.py is not certainly deployed: absent flags are not reported, explicit weakenings are
INSTALLED_APPS = ["django.contrib.sessions", "mysite"]
SESSION_COOKIE_SAMESITE = "None"  # Noncompliant {{Set SESSION_COOKIE_SECURE = True in "settings.py": browsers reject a SameSite=None cookie that is not Secure, and over HTTP it would travel in clear text.}}
SESSION_COOKIE_HTTPONLY = True
