from django.db import migrations, models

from shop.fields import MoneyField


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AlterField("product", "stock", models.IntegerField(default=0)),  # Noncompliant {{Change column "stock" of "product" in steps: its type changes from CharField to IntegerField: the database rewrites or re-checks every row under an exclusive lock, and the code still running during the deploy reads and writes the old type. Add a new column, write both, back-fill it, switch the reads, then drop the old one. 4 more operations of this migration: see the secondary locations.}}
#       ^^^^^^^^^^^^^^^^^^^^^
        migrations.AlterField(
#       ^^^^^^^^^^^^^^^^^^^^^< {{"code": max_length shrinks from 20 to 8}}
            model_name="product",
            name="code",
            field=models.CharField(max_length=8),
        ),
        migrations.AlterField("product", "price", models.DecimalField(max_digits=6, decimal_places=2)),
#       ^^^^^^^^^^^^^^^^^^^^^< {{"price": its precision shrinks}}
        migrations.AlterField("product", "vendor", models.ForeignKey("shop.Supplier", on_delete=models.CASCADE)),
#       ^^^^^^^^^^^^^^^^^^^^^< {{"vendor": its foreign key moves from "shop.vendor" to "shop.supplier"}}
        migrations.AlterField("product", "rank", models.BigIntegerField()),
#       ^^^^^^^^^^^^^^^^^^^^^< {{"rank": its type widens from IntegerField to BigIntegerField}}
        # Compliant look-alikes: state-only changes, widenings, unknown types
        migrations.AlterField("product", "name", models.CharField(max_length=200, help_text="Shown in the shop", verbose_name="title")),
        migrations.AlterField("product", "status", models.CharField(max_length=10, choices=[("a", "Active")], default="a", blank=True)),
        migrations.AlterField("product", "name", models.CharField(max_length=250)),
        migrations.AlterField("product", "summary", models.TextField()),
        migrations.AlterField("product", "slug", models.SlugField(max_length=50)),
        migrations.AlterField("product", "owner", models.ForeignKey("auth.User", on_delete=models.PROTECT, related_name="products")),
        migrations.AlterField("product", "extra", MoneyField(null=True)),
        migrations.AlterField("product", "owner", models.IntegerField()),  # the column type of a foreign key is its target's key type
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AlterField("product", "status", models.IntegerField())],
        ),
        migrations.CreateModel("Draft", [("id", models.AutoField(primary_key=True)), ("body", models.TextField())]),
        migrations.AlterField("draft", "body", models.CharField(max_length=10)),  # a table created by this migration
        migrations.AlterField("order", "total", models.IntegerField()),  # a model the state does not know
        migrations.AddField("product", "weight", models.IntegerField(null=True)),
        migrations.AlterField("product", "weight", models.DecimalField(max_digits=5, decimal_places=2, null=True)),  # added just above
    ]
