"""no database named anywhere: the advice says "on PostgreSQL\""""
from alembic import op

revision = "9f"
down_revision = None


def upgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.create_index("ix_orders_ref", ["ref"])  # Noncompliant {{Create index "ix_orders_ref" with postgresql_concurrently=True inside "with op.get_context().autocommit_block():": a plain CREATE INDEX blocks every write to "orders" on PostgreSQL while it builds.}}
#       ^^^^^^^^^^^^^^^^^^^^^


def downgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_index("ix_orders_ref")
