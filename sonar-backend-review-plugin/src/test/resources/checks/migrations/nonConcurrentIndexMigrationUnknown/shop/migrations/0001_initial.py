from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    operations = [migrations.CreateModel("Product", [("id", models.AutoField(primary_key=True)), ("sku", models.CharField(max_length=20))])]
