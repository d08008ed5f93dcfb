from django.contrib.auth import get_user_model
from django.db import migrations, models

from shop.models import Product
from shop import models as shop_models


def fill_slugs(apps, schema_editor):
    for product in Product.objects.all():  # Noncompliant {{Get "Product" with apps.get_model() in this RunPython function: the imported model class is the current code's, not the historical model this migration runs against. 3 more operations of this migration: see the secondary locations.}}
#                  ^^^^^^^
        product.slug = product.make_slug()
        product.save()
    for product in Product.objects.filter(slug=None):
        product.delete()


def clear_slugs(apps, schema_editor):
    from shop.models import Tag
    Tag.objects.all().delete()
#   ^^^< {{imported model "Tag"}}
    User = get_user_model()
#          ^^^^^^^^^^^^^^^^< {{get_user_model() instead of apps.get_model()}}
    User.objects.update(is_staff=False)


def tag_products(apps, schema_editor):
    shop_models.Tag.objects.create(label="new")
    if Product.DoesNotExist:
#      ^^^^^^^< {{imported model "Product"}}
        pass
    Product.make_slug  # not data access by itself


def not_a_migration_function(apps, schema_editor):
    Product.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AddField("product", "slug", models.SlugField(null=True)),
        migrations.RunPython(fill_slugs, reverse_code=clear_slugs),
        migrations.RunPython(code=tag_products),
        migrations.RunPython(fill_slugs, clear_slugs),
    ]
