INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.sessions", "corsheaders", "shop"]

# Compliant: production.py puts SecurityMiddleware at the top of this list
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
