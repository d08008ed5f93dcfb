from django.db import migrations, models


class Migration(migrations.Migration):
    # a squashed migration: what it removes it created itself
    replaces = [("blog", "0001_initial"), ("blog", "0002_remove_post_body")]
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel("Post", [("id", models.AutoField(primary_key=True)), ("body", models.TextField())]),
        migrations.RemoveField("post", "body"),
    ]
