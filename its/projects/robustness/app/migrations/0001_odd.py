from django.db import migrations

FORWARD = (lambda apps, schema_editor: None,)
ARGS = [FORWARD[0]]
KWARGS = {"reverse_code": migrations.RunPython.noop}


class Migration(migrations.Migration):
    dependencies = []
    operations = [
        migrations.RunPython(*ARGS, **KWARGS),
        migrations.RunPython(*ARGS),
        migrations.RunSQL(sql=[("UPDATE t SET a = %s", [1])], reverse_sql=[]),
        *[migrations.RunSQL("SELECT 1", "SELECT 1") for _ in range(2)],
    ]
