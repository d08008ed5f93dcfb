from demo.settings import *  # noqa

DEBUG = False
