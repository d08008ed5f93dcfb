# the production settings neither redirect to HTTPS nor send HSTS: reported on the first statement
from .base import *  # Noncompliant {{"production.py" serves HTTP: set SECURE_SSL_REDIRECT = True and SECURE_HSTS_SECONDS (e.g. 31536000, with SECURE_HSTS_INCLUDE_SUBDOMAINS once every subdomain serves HTTPS) so that browsers never send cookies and credentials in clear text.}}

ALLOWED_HOSTS = ["shop.example.com"]
