from .base import *  # noqa

X_FRAME_OPTIONS = "ALLOWALL"  # Noncompliant {{Set X_FRAME_OPTIONS to "DENY" (or "SAMEORIGIN") in "production.py": browsers ignore "ALLOWALL", so any site can frame these pages (clickjacking).}}
#                 ^^^^^^^^^^
SECURE_CONTENT_TYPE_NOSNIFF = False  # Noncompliant {{Remove SECURE_CONTENT_TYPE_NOSNIFF = False from "production.py": browsers may then run an uploaded file as a script or a page.}}
SECURE_REFERRER_POLICY = "strict-origin, unsafe-url"  # Noncompliant {{Set SECURE_REFERRER_POLICY to "same-origin" or "strict-origin-when-cross-origin" in "production.py": "unsafe-url" sends full URLs, with their tokens and ids, to every other site.}}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "unsafe-none"  # Noncompliant {{Set SECURE_CROSS_ORIGIN_OPENER_POLICY to "same-origin" in "production.py": with "unsafe-none" any page this site opens, or that opens it, keeps a handle on its window.}}
