from django.db import migrations, models


def create_welcome_post(apps, schema_editor):
    Post = apps.get_model("blog", "Post")
    Post.objects.create(title="Welcome")


class Migration(migrations.Migration):
    # Compliant: an initial migration filling a table it creates
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel("Post", [("id", models.AutoField(primary_key=True)), ("title", models.CharField(max_length=100))]),
        migrations.AddField("post", "body", models.TextField(default="")),
        migrations.RunPython(create_welcome_post, migrations.RunPython.noop),
    ]
