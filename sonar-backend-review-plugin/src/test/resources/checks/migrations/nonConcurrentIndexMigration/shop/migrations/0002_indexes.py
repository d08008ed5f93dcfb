from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AddIndex("product", models.Index(fields=["sku"], name="product_sku_idx")),  # Noncompliant {{Use AddIndexConcurrently (django.contrib.postgres.operations) in a migration with "atomic = False": building this index blocks the writes to "product" until it completes. 4 more operations of this migration: see the secondary locations.}}
#       ^^^^^^^^^^^^^^^^^^^
        migrations.RemoveIndex(model_name="product", name="product_name_idx"),
#       ^^^^^^^^^^^^^^^^^^^^^^< {{dropping this index}}
        migrations.AlterField("product", "sku", models.CharField(max_length=20, db_index=True)),
#       ^^^^^^^^^^^^^^^^^^^^^< {{building the index of "sku"}}
        migrations.AddField("product", "code", models.CharField(max_length=10, null=True, unique=True)),
#       ^^^^^^^^^^^^^^^^^^^< {{building the index of "code"}}
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AddIndex("vendor", models.Index(fields=["id"], name="vendor_idx"))],
#                                ^^^^^^^^^^^^^^^^^^^< {{building this index}}
        ),
        # Compliant look-alikes
        migrations.AlterField("product", "slug", models.SlugField(max_length=60)),  # indexed already
        migrations.AlterField("product", "vendor", models.ForeignKey("shop.Vendor", on_delete=models.CASCADE, db_index=True)),
        migrations.AlterField("product", "name", models.CharField(max_length=120)),
        migrations.AddField("product", "notes", models.TextField(null=True)),
        migrations.CreateModel("Tag", [("id", models.AutoField(primary_key=True)), ("label", models.CharField(max_length=10))]),
        migrations.AddIndex("tag", models.Index(fields=["label"], name="tag_label_idx")),  # a table created by this migration
        migrations.AddField("tag", "code", models.CharField(max_length=10, db_index=True)),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex("product", models.Index(fields=["name"], name="product_name_idx2"))],
        ),
        migrations.AddIndex("order", models.Index(fields=["id"], name="order_idx")),  # a model the state does not know
    ]
