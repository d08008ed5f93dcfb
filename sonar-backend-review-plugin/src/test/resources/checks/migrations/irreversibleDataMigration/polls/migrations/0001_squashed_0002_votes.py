from django.db import migrations


def noop(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    replaces = [
        ("polls", "0001_initial"),  # ("polls", "0002_votes") was deleted
    ]
    dependencies = []

    operations = [
        migrations.RunPython(noop, noop),
    ]
