import os

from .base import *  # noqa

# Compliant: the base's literal key is overridden by the environment here
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
SECRET_KEY_FALLBACKS = [
    os.environ.get("DJANGO_OLD_SECRET_KEY", ""),
    "rotated-out-2024",  # Noncompliant {{Read SECRET_KEY_FALLBACKS from the environment or a secrets file in "production.py": it is in the source and shorter than 50 characters.}}
]
