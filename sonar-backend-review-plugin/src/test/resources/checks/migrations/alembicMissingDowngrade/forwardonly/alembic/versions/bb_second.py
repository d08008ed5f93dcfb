from alembic import op
import sqlalchemy as sa

revision = "bb"
down_revision = "aa"


def upgrade():
    op.add_column("event", sa.Column("kind", sa.String(20)))
