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
                ("ean", models.CharField(max_length=13, unique=True)),
                ("vendor", models.ForeignKey("shop.Vendor", on_delete=models.CASCADE)),
                ("name", models.CharField(max_length=100)),
                ("shop", models.IntegerField()),
            ],
            options={"unique_together": {("name", "shop")}},
        ),
        migrations.CreateModel("Vendor", [("id", models.AutoField(primary_key=True)), ("code", models.CharField(max_length=5))]),
        migrations.CreateModel("Order", [("id", models.AutoField(primary_key=True)), ("number", models.IntegerField())]),
    ]
