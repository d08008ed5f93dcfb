from .production import *  # noqa

SECRET_KEY = "Zq7pX2mL9vB4nK8cR1tY6wE3sD5fG0hJ2kL4zX6cV8bN1mQ3wE5rT7yU9iO0pA2s"  # Noncompliant {{Read SECRET_KEY from the environment or a secrets file in "eu_production.py": anyone who can read the source can forge sessions, password-reset tokens and signed data.}}
