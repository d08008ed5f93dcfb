# Compliant look-alike: a configuration file may replace any setting, the literal key is not known to stay
import json

from .base import *  # noqa

SECRET_KEY = "placeholder-replaced-by-the-config-file"

with open("/etc/shop/settings.json") as config:
    for key, value in json.load(config).items():
        globals()[key] = value
