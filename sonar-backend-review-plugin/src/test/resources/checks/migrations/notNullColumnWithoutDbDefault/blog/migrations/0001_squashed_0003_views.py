from django.db import migrations, models


class Migration(migrations.Migration):
    # a squashed migration: the table is created by this same migration
    replaces = [("blog", "0001_initial"), ("blog", "0002_post_views"), ("blog", "0003_views")]
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel("Post", [("id", models.AutoField(primary_key=True))]),
        migrations.AddField("post", "views", models.IntegerField(default=0)),
        migrations.AlterField("post", "views", models.PositiveIntegerField(default=0)),
    ]
