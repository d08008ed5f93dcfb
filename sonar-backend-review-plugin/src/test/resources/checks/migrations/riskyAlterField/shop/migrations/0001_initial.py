from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[
                ("id", models.AutoField(primary_key=True)),
                ("name", models.CharField(max_length=200)),
                ("code", models.CharField(max_length=20)),
                ("stock", models.CharField(max_length=10)),
                ("price", models.DecimalField(max_digits=8, decimal_places=2)),
                ("vendor", models.ForeignKey("shop.Vendor", on_delete=models.CASCADE)),
                ("summary", models.CharField(max_length=100)),
                ("slug", models.CharField(max_length=50)),
                ("status", models.CharField(max_length=10)),
                ("owner", models.ForeignKey("auth.User", on_delete=models.CASCADE)),
                ("rank", models.IntegerField()),
                ("extra", models.JSONField(null=True)),
            ],
        ),
        migrations.CreateModel("Vendor", [("id", models.AutoField(primary_key=True))]),
        migrations.CreateModel("Supplier", [("id", models.AutoField(primary_key=True))]),
    ]
