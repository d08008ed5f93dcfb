from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [("blog", "0001_initial"), ("blog", "0002_rename_post")]
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel("Entry", [("id", models.AutoField(primary_key=True)), ("body", models.TextField())]),
        migrations.RenameModel("Entry", "Post"),
        migrations.RenameField("post", "body", "text"),
    ]
