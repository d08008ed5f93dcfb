from django.db import migrations


def seed(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    # History: 0002_fill_slugs of this app depends on it, so it has run everywhere: not reported by default
    initial = True
    dependencies = []

    operations = [
        migrations.RunPython(seed),
    ]
