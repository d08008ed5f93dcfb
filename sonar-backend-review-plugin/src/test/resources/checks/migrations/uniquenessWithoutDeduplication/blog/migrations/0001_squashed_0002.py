from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [("blog", "0001_initial"), ("blog", "0002_unique_slug")]
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel("Post", [("id", models.AutoField(primary_key=True)), ("slug", models.SlugField())]),
        migrations.AlterField("post", "slug", models.SlugField(unique=True)),
    ]
