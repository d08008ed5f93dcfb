from django.db import migrations

operations = [
    migrations.RunPython(forwards,
    migrations.RunSQL("SELECT 1"
]

DEBUG = os.environ.get("DEBUG", True
