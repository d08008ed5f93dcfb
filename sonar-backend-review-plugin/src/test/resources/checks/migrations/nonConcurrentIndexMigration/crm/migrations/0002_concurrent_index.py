from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("crm", "0001_initial")]

    operations = [
        AddIndexConcurrently("contact", models.Index(fields=["name"], name="contact_name_idx")),  # Noncompliant {{Set "atomic = False" on this migration: AddIndexConcurrently runs CREATE INDEX CONCURRENTLY, which PostgreSQL cannot run inside a transaction (Django refuses to apply this migration). 1 more operation of this migration: see the secondary locations.}}
#       ^^^^^^^^^^^^^^^^^^^^
        RemoveIndexConcurrently("contact", "contact_old_idx"),
#       ^^^^^^^^^^^^^^^^^^^^^^^< {{RemoveIndexConcurrently in an atomic migration}}
    ]
