from django.conf import settings
from django.db import migrations, models

from shop.models import Product


def publish(apps, schema_editor):
    # Compliant look-alikes: the historical models, through apps.get_model()
    Post = apps.get_model("blog", "Post")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Product = apps.get_model("shop", "Product")
    for post in Post.objects.all():
        post.author = User.objects.first()
        post.save()
    Product.objects.update(slug=None)


def uses_a_constant(apps, schema_editor):
    from shop.constants import DEFAULT_LABEL, Labels
    Tag = apps.get_model("shop", "Tag")
    Tag.objects.create(label=DEFAULT_LABEL)
    Labels.objects  # an imported helper that is not a model


def unused(apps, schema_editor):
    Product.objects.all().delete()  # not a RunPython function of this migration


class Migration(migrations.Migration):
    initial = True
    dependencies = [("shop", "0002_fill_slugs")]

    operations = [
        migrations.CreateModel("Post", [("id", models.AutoField(primary_key=True))]),
        migrations.RunPython(publish, migrations.RunPython.noop),
        migrations.RunPython(uses_a_constant, lambda apps, schema_editor: None),
    ]
