from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel("Contact", [("id", models.AutoField(primary_key=True)), ("email", models.EmailField())]),
        migrations.CreateModel("Company", [("id", models.AutoField(primary_key=True)), ("vat", models.CharField(max_length=20))]),
    ]
