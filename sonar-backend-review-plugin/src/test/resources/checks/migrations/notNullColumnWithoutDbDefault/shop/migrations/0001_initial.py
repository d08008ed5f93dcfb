from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[
                ("id", models.AutoField(primary_key=True)),
                ("name", models.CharField(max_length=100)),
                ("price", models.DecimalField(max_digits=5, decimal_places=2, null=True)),
            ],
        ),
        # History (0002 depends on it): not reported by default
        migrations.AddField("product", "created", models.DateTimeField(auto_now_add=True)),
    ]
