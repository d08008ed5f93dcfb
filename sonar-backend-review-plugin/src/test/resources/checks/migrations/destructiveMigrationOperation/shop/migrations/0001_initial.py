from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[
                ("id", models.AutoField(primary_key=True)),
                ("name", models.CharField(max_length=100)),
                ("legacy_code", models.CharField(max_length=10, null=True)),
                ("old_price", models.IntegerField(null=True)),
                ("notes", models.TextField(null=True)),
            ],
        ),
        migrations.CreateModel("Coupon", [("id", models.AutoField(primary_key=True))]),
        migrations.CreateModel("Voucher", [("id", models.AutoField(primary_key=True))]),
    ]
