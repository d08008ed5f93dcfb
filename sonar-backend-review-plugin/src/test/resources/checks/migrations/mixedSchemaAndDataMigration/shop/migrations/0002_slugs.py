from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    Product = apps.get_model("shop", "Product")
    for product in Product.objects.all():
        product.slug = slugify(product.name)
        product.save(update_fields=["slug"])


def touch_vendors(apps, schema_editor):
    Vendor = apps.get_model("shop.Vendor")
    Vendor.objects.update(name="x")


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AddField("product", "slug", models.SlugField(null=True)),  # Noncompliant {{Move the data steps on "product" out of this migration: on PostgreSQL they run in the transaction of this schema change, which keeps the table locked until they end (or fails with "pending trigger events"); other databases commit the schema change alone. 2 more operations of this migration: see the secondary locations.}}
#       ^^^^^^^^^^^^^^^^^^^
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
#       ^^^^^^^^^^^^^^^^^^^^< {{data step on "product"}}
        migrations.AlterField("product", "slug", models.SlugField(unique=True)),
#       ^^^^^^^^^^^^^^^^^^^^^< {{schema change of "product"}}
        # Compliant look-alikes
        migrations.RunPython(touch_vendors, migrations.RunPython.noop),  # no schema change of "vendor" here
        migrations.CreateModel("Tag", [("id", models.AutoField(primary_key=True))]),
    ]
