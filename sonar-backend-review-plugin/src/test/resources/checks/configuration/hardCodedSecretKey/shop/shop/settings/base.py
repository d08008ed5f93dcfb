SECRET_KEY = "django-insecure-9x$k2!b0q^w1m7@r8t5z3y6u4i0o9p8a7s6d5f4g3h2j1"  # Noncompliant {{Read SECRET_KEY from the environment or a secrets file in "staging.py": it is the development key "startproject" generated.}}
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
INSTALLED_APPS = ["django.contrib.auth", "shop"]
