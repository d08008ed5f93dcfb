from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.RenameField("product", "title", "name"),  # Noncompliant {{Rename column "title" in steps, or keep it with db_column="title": the code still running during this deploy uses the old name. Add the new column, write both, back-fill, then drop the old one. 5 more operations of this migration: see the secondary locations.}}
#       ^^^^^^^^^^^^^^^^^^^^^^
        migrations.RenameModel(old_name="Basket", new_name="Cart"),
#       ^^^^^^^^^^^^^^^^^^^^^^< {{table of "Basket" renamed}}
        migrations.AlterModelTable("voucher", "shop_voucher"),
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^< {{table of "voucher" renamed}}
        migrations.AlterField("product", "sku", models.CharField(max_length=10, db_column="product_sku")),
#       ^^^^^^^^^^^^^^^^^^^^^< {{column "sku" renamed}}
        migrations.AlterField("product", "vendor", models.ForeignKey("shop.Vendor", on_delete=models.CASCADE, db_column="supplier_id")),
#       ^^^^^^^^^^^^^^^^^^^^^< {{column "vendor_id" renamed}}
        migrations.AlterModelTable("vendor", "suppliers"),
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^< {{table of "vendor" renamed}}
        # Compliant look-alikes
        migrations.AlterModelTable("Product", "shop_product"),  # the default table name
        migrations.RenameField("product", "code", "reference"),  # the column stays "legacy_code"
        migrations.RenameModel("Coupon", "Discount"),  # the table stays "coupons"
        migrations.AlterModelTable("voucher", "shop_voucher"),  # already moved just above
        migrations.AlterField("product", "ean", models.CharField(max_length=13, db_column="ean", help_text="EAN-13")),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.RenameField("product", "sku", "stock_unit")],
            database_operations=[],
        ),
        migrations.CreateModel("Draft", [("id", models.AutoField(primary_key=True)), ("body", models.TextField())]),
        migrations.RenameField("draft", "body", "text"),  # a table created by this migration
        migrations.RenameModel("Order", "Purchase"),  # a model the state does not know
    ]
