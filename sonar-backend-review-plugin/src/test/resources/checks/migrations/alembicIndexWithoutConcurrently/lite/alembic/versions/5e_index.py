"""an SQLite project (env.py): batch_alter_table recreates the table, no concurrent build to ask for"""
from alembic import op

revision = "5e"
down_revision = None


def upgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.create_index("ix_orders_ref", ["ref"])


def downgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_index("ix_orders_ref")
