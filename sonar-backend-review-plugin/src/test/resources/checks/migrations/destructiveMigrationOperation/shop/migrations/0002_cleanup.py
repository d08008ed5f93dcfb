from django.db import migrations, models
from django.db.migrations import RemoveField


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.RemoveField("product", "legacy_code"),  # Noncompliant {{Drop column "legacy_code" in a release after the one that stops using it: the code still running during this deploy selects it. Remove the field from the state first (SeparateDatabaseAndState), drop the column later. 2 more operations of this migration: see the secondary locations.}}
#       ^^^^^^^^^^^^^^^^^^^^^^
        RemoveField(model_name="Product", name="old_price"),
#       ^^^^^^^^^^^< {{column "old_price" dropped}}
        migrations.DeleteModel("Coupon"),
#       ^^^^^^^^^^^^^^^^^^^^^^< {{table of "Coupon" dropped}}
        # Compliant look-alikes
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.RemoveField("product", "notes")],  # the code-only step
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.DeleteModel("Voucher")],  # the deliberate contract step
            state_operations=[],
        ),
        migrations.AddField("product", "draft", models.TextField(null=True)),
        migrations.RemoveField("product", "draft"),  # added by this same migration
        migrations.CreateModel("Scratch", [("id", models.AutoField(primary_key=True))]),
        migrations.DeleteModel("Scratch"),
        migrations.RemoveField("order", "total"),  # a model the state does not know
    ]
