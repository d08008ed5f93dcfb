# Compliant: a concurrent build outside the transaction
from alembic import op

revision = "2c"
down_revision = "1a"


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("ix_account_zip", "account", ["zip"], postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_account_zip", "account", postgresql_concurrently=True)
