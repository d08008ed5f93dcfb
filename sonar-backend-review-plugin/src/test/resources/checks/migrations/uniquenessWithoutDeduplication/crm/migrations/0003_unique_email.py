from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("crm", "0002_dedupe_emails")]

    operations = [
        # Compliant: the migration it depends on de-duplicates
        migrations.AlterField("contact", "email", models.EmailField(unique=True)),
        migrations.RunSQL("DELETE FROM crm_company a USING crm_company b WHERE a.id > b.id AND a.vat = b.vat"),
        # Compliant: de-duplicated just above
        migrations.AlterField("company", "vat", models.CharField(max_length=20, unique=True)),
    ]
