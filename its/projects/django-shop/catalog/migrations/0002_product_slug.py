from django.db import migrations, models


def fill_slugs(apps, schema_editor):
    Product = apps.get_model("catalog", "Product")
    for product in Product.objects.all():
        product.slug = product.name.lower().replace(" ", "-")
        product.save(update_fields=["slug"])


def clear_slugs(apps, schema_editor):
    Product = apps.get_model("catalog", "Product")
    Product.objects.update(slug=None)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [
        migrations.AddField(model_name="product", name="slug", field=models.SlugField(max_length=80, null=True)),
        migrations.RunPython(fill_slugs),
        migrations.RunSQL("CREATE INDEX catalog_product_active_idx ON catalog_product (active)"),
        migrations.RunPython(fill_slugs, clear_slugs),
        migrations.RunSQL(
            "CREATE INDEX catalog_product_slug_idx ON catalog_product (slug)",
            reverse_sql="DROP INDEX catalog_product_slug_idx",
        ),
    ]
