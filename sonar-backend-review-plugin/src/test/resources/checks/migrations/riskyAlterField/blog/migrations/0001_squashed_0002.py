from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [("blog", "0001_initial"), ("blog", "0002_alter_post")]
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel("Post", [("id", models.AutoField(primary_key=True)), ("body", models.TextField())]),
        migrations.AlterField("post", "body", models.CharField(max_length=100)),
    ]
