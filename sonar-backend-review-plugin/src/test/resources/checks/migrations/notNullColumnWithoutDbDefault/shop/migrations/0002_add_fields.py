from django.db import migrations, models

NULLABLE = True


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AddField("product", "stock", models.IntegerField(default=0)),  # Noncompliant {{Give "stock" a database default (db_default=, Django 5.0+) or add it with null=True first: the NOT NULL column without one makes the inserts of the code still running during the deploy fail. 3 more operations of this migration: see the secondary locations.}}
#       ^^^^^^^^^^^^^^^^^^^
        migrations.AddField(
#       ^^^^^^^^^^^^^^^^^^^< {{NOT NULL column "sku" without db_default}}
            model_name="product",
            name="sku",
            field=models.CharField(max_length=10, default="x"),
            preserve_default=False,
        ),
        migrations.AddField("Product", "flag", models.BooleanField(null=False, default=False)),
#       ^^^^^^^^^^^^^^^^^^^< {{NOT NULL column "flag" without db_default}}
        migrations.AlterField("product", "price", models.DecimalField(max_digits=5, decimal_places=2)),
#       ^^^^^^^^^^^^^^^^^^^^^< {{"price" made NOT NULL}}
        # Compliant look-alikes
        migrations.AddField("product", "code", models.CharField(max_length=10, null=True)),
        migrations.AddField("product", "rating", models.IntegerField(default=0, db_default=0)),
        migrations.AddField("product", "related", models.ManyToManyField("shop.Product")),
        migrations.AlterField("product", "name", models.CharField(max_length=200)),
        migrations.AlterField("product", "price", models.DecimalField(max_digits=6, decimal_places=2, null=True)),
        migrations.CreateModel("Tag", [("id", models.AutoField(primary_key=True))]),
        migrations.AddField("tag", "weight", models.IntegerField(default=1)),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddField("product", "legacy", models.IntegerField(default=0))],
            database_operations=[migrations.RunSQL("ALTER TABLE shop_product ADD COLUMN legacy integer DEFAULT 0 NOT NULL",
                                                   migrations.RunSQL.noop)],
        ),
        migrations.AddField("order", "total", models.IntegerField(default=0)),  # a model the state does not know
        migrations.AddField("product", "weight", models.IntegerField(null=NULLABLE)),
    ]
