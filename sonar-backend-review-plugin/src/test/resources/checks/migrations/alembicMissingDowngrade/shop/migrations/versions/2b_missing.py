from alembic import op
import sqlalchemy as sa

revision = "2b"
down_revision = "1a"


def upgrade():  # Noncompliant {{Add a "downgrade()" that reverts the schema changes of this revision, or one that raises NotImplementedError if it cannot be reverted: the revision it revises can be downgraded.}}
#   ^^^^^^^
    op.add_column("product", sa.Column("sku", sa.String(20)))
#   ^^^^^^^^^^^^^< {{schema change not reverted: add_column}}
    op.execute("CREATE INDEX ix_sku ON product (sku)")
#   ^^^^^^^^^^< {{schema change not reverted: execute}}
    op.execute("UPDATE product SET sku = id")
