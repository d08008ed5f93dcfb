from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[
                ("id", models.AutoField(primary_key=True)),
                ("sku", models.CharField(max_length=20)),
                ("name", models.CharField(max_length=100)),
                ("slug", models.SlugField()),
                ("vendor", models.ForeignKey("shop.Vendor", on_delete=models.CASCADE)),
            ],
            options={"indexes": [models.Index(fields=["name"], name="product_name_idx")]},
        ),
        migrations.CreateModel("Vendor", [("id", models.AutoField(primary_key=True))]),
    ]
