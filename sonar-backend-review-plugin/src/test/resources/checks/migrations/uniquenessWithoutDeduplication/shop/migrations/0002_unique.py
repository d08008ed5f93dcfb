from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AlterField("product", "sku", models.CharField(max_length=20, unique=True)),  # Noncompliant {{De-duplicate the existing rows of "product" before making "sku" unique (a data migration before this one): duplicates already stored make this migration fail in production. 3 more operations of this migration: see the secondary locations.}}
#       ^^^^^^^^^^^^^^^^^^^^^
        migrations.AlterField("product", "vendor", models.OneToOneField("shop.Vendor", on_delete=models.CASCADE)),
#       ^^^^^^^^^^^^^^^^^^^^^< {{"vendor" made unique}}
        migrations.AddConstraint(
#       ^^^^^^^^^^^^^^^^^^^^^^^^< {{("code") made unique}}
            model_name="vendor",
            constraint=models.UniqueConstraint(fields=["code"], name="unique_vendor_code"),
        ),
        migrations.AlterUniqueTogether(name="product", unique_together={("name", "shop"), ("sku", "shop")}),
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^< {{("shop", "sku") made unique}}
        # Compliant look-alikes
        migrations.AlterField("product", "ean", models.CharField(max_length=14, unique=True)),  # unique already
        migrations.AlterUniqueTogether(name="product", unique_together={("shop", "name")}),  # the same set
        migrations.AddConstraint("order", models.CheckConstraint(check=models.Q(number__gt=0), name="positive_number")),
        migrations.CreateModel("Coupon", [("id", models.AutoField(primary_key=True)), ("code", models.CharField(max_length=5))]),
        migrations.AlterField("coupon", "code", models.CharField(max_length=5, unique=True)),  # a table created by this migration
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AlterField("order", "number", models.IntegerField(unique=True))],
        ),
    ]
