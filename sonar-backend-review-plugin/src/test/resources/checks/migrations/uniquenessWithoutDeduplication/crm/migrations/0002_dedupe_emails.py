from django.db import migrations


def dedupe(apps, schema_editor):
    Contact = apps.get_model("crm", "Contact")
    seen = set()
    for contact in Contact.objects.order_by("id"):
        if contact.email in seen:
            contact.delete()
        seen.add(contact.email)


class Migration(migrations.Migration):
    dependencies = [("crm", "0001_initial")]

    operations = [migrations.RunPython(dedupe, migrations.RunPython.noop)]
