from django.db import migrations


def backfill_totals(apps, schema_editor):
    Order = apps.get_model("orders", "Order")
    for order in Order.objects.select_related("product").filter(total=0):
        order.total = order.product.price * order.quantity
        order.save(update_fields=["total"])


class Migration(migrations.Migration):
    dependencies = [("orders", "0001_initial")]

    operations = [
        migrations.RunPython(backfill_totals, reverse_code=None),
    ]
