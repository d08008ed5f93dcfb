from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        # the database is not known
        migrations.AddIndex("product", models.Index(fields=["sku"], name="product_sku_idx")),
        migrations.AlterField("product", "sku", models.CharField(max_length=20, db_index=True)),
    ]
