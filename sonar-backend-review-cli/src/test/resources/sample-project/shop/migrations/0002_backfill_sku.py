from django.db import migrations, models


def backfill_sku(apps, schema_editor):
    Product = apps.get_model("shop", "Product")
    for product in Product.objects.filter(sku__isnull=True):
        product.sku = f"SKU-{product.pk:06d}"
        product.save(update_fields=["sku"])


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AddField("product", "sku", models.CharField(max_length=32, unique=True, null=True)),
        # Irreversible: "migrate shop 0001" fails on this step.
        migrations.RunPython(backfill_sku),
        migrations.RunSQL(
            "CREATE INDEX shop_product_name_upper ON shop_product (UPPER(name))",
            reverse_sql="DROP INDEX shop_product_name_upper",
        ),
    ]
