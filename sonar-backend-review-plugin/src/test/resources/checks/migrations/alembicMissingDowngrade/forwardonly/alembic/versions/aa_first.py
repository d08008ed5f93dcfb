"""the first revision reverts its change; the later ones are forward-only: nothing reported on the head"""
from alembic import op
import sqlalchemy as sa

revision = "aa"
down_revision = None


def upgrade():
    op.create_table("event", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("event")
