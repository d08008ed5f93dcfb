from alembic import op
import sqlalchemy as sa

revision = "cc"
down_revision = "bb"


def upgrade():
    op.add_column("event", sa.Column("source", sa.String(20)))
