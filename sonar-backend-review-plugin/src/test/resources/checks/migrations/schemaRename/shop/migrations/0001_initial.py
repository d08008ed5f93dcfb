from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[
                ("id", models.AutoField(primary_key=True)),
                ("title", models.CharField(max_length=100)),
                ("code", models.CharField(max_length=10, db_column="legacy_code")),
                ("sku", models.CharField(max_length=10)),
                ("ean", models.CharField(max_length=13)),
                ("vendor", models.ForeignKey("shop.Vendor", on_delete=models.CASCADE)),
            ],
        ),
        migrations.CreateModel("Vendor", [("id", models.AutoField(primary_key=True))]),
        migrations.CreateModel("Coupon", [("id", models.AutoField(primary_key=True))], options={"db_table": "coupons"}),
        migrations.CreateModel("Voucher", [("id", models.AutoField(primary_key=True))], options={"db_table": "vouchers"}),
        migrations.CreateModel("Basket", [("id", models.AutoField(primary_key=True))]),
    ]
