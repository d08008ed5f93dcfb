# named by wsgi.py: deployed, whatever its name
from .base import *  # noqa

DEBUG = True  # Noncompliant {{Set DEBUG to False: "eu.py" is deployed with it on, which shows tracebacks, settings and SQL to every visitor.}}
#^[sc=1;ec=12]
