import os

ALLOWED_HOSTS = ["*"]
if True:
	DEBUG = True
    SECRET_KEY = "x"
