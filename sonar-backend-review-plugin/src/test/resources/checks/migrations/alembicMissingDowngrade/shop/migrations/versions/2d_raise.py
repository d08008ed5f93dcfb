# Compliant: the downgrade says the revision cannot be reverted
from alembic import op

revision = "2d"
down_revision = "1a"


def upgrade():
    op.drop_column("product", "price_cents")


def downgrade():
    raise NotImplementedError("the dropped prices cannot be restored")
