# -*- coding: latin-1 -*-
"""Module encodé en Latin-1: café, naïve."""
GREETING = "café"
GREETING = "café"
