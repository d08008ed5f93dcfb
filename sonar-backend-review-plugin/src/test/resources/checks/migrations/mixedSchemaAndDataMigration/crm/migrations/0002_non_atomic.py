from django.db import migrations, models


def fill_codes(apps, schema_editor):
    Contact = apps.get_model("crm", "Contact")
    Contact.objects.update(code="x")


class Migration(migrations.Migration):
    # Compliant: each operation runs in its own transaction
    atomic = False
    dependencies = [("crm", "0001_initial")]

    operations = [
        migrations.AddField("contact", "code", models.CharField(max_length=10, null=True)),
        migrations.RunPython(fill_codes, migrations.RunPython.noop),
    ]
