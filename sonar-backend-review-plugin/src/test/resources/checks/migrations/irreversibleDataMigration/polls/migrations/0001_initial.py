from django.db import migrations


def seed(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    # Replaced by the squashed migration next to it: history, not reported by default
    dependencies = []

    operations = [
        migrations.RunPython(seed),
    ]
