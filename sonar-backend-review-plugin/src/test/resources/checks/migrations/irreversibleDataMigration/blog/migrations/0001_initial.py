from django.db import migrations


def seed(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    # A leaf of the blog app: a migration of another app (shop) depending on it does not make it history
    dependencies = []

    operations = [
        migrations.RunSQL("INSERT INTO blog_post (title) VALUES ('hello')"),  # Noncompliant {{Pass "reverse_sql" to this RunSQL (RunSQL.noop when nothing needs undoing): without it the migration cannot be rolled back.}}
#       ^^^^^^^^^^^^^^^^^
    ]
