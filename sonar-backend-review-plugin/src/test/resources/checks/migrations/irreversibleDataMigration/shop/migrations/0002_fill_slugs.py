from django.db import migrations
from django.db.migrations import RunPython as RP
from django.db.migrations.operations import RunSQL


def fill_slugs(apps, schema_editor):
    Product = apps.get_model("shop", "Product")
    for product in Product.objects.all():
        product.slug = product.name.lower()
        product.save()


def clear_slugs(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial"), ("blog", "0001_initial")]

    operations = [
        migrations.RunPython(fill_slugs),  # Noncompliant {{Pass "reverse_code" to this RunPython (RunPython.noop when nothing needs undoing): without it the migration cannot be rolled back. 6 more operations of this migration are irreversible too.}}
#       ^^^^^^^^^^^^^^^^^^^^
        migrations.RunPython(code=fill_slugs),
#       ^^^^^^^^^^^^^^^^^^^^< {{RunPython without reverse_code}}
        migrations.RunPython(fill_slugs, None),
#       ^^^^^^^^^^^^^^^^^^^^< {{RunPython without reverse_code}}
        migrations.RunPython(fill_slugs, reverse_code=None, elidable=True),
#       ^^^^^^^^^^^^^^^^^^^^< {{RunPython without reverse_code}}
        RP(fill_slugs),
#       ^^< {{RunPython without reverse_code}}
        migrations.RunSQL("UPDATE shop_product SET active = true"),
#       ^^^^^^^^^^^^^^^^^< {{RunSQL without reverse_sql}}
        RunSQL(sql=["CREATE INDEX idx ON shop_product (slug)"]),
#       ^^^^^^< {{RunSQL without reverse_sql}}
        # Compliant look-alikes
        migrations.RunPython(fill_slugs, clear_slugs),
        migrations.RunPython(fill_slugs, reverse_code=migrations.RunPython.noop),
        migrations.RunPython(code=fill_slugs, reverse_code=clear_slugs),
        RP(fill_slugs, RP.noop),
        migrations.RunSQL("CREATE INDEX idx ON shop_product (slug)", "DROP INDEX idx"),
        migrations.RunSQL(sql="SELECT 1", reverse_sql=migrations.RunSQL.noop),
        migrations.RunPython(*OPERATION_ARGS),  # arguments we cannot see
        migrations.RunPython(**operation_kwargs),
        migrations.AddField("product", "slug", models.SlugField(null=True)),
    ]
