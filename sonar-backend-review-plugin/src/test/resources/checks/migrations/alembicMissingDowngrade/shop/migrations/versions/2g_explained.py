from alembic import op
import sqlalchemy as sa

revision = "2g"
down_revision = "1a"


def upgrade():
    op.alter_column("product", "code", type_=sa.Unicode(40))


def downgrade():
    # Don't go back to the old type: the new codes do not fit.
    pass
