from alembic import op

revision = "2f"
down_revision = "1a"


def upgrade():
    op.execute("UPDATE product SET sku = upper(sku)")


def downgrade():
    pass
