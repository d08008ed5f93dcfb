from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    # Compliant: the recommended form
    atomic = False
    dependencies = [("blog", "0001_initial")]

    operations = [
        AddIndexConcurrently("post", models.Index(fields=["title"], name="post_title_idx")),
    ]
