from django.db import migrations, models

from shop.models import Product


def seed(apps, schema_editor):
    # History: 0002 depends on this migration, so it has run everywhere: not reported by default
    Product.objects.create(name="first")


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[("id", models.AutoField(primary_key=True)), ("name", models.CharField(max_length=100))],
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
