"""a project whose revisions never downgrade (forward-only policy): nothing reported"""
from alembic import op
import sqlalchemy as sa

revision = "aa"
down_revision = None


def upgrade():
    op.create_table("event", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    pass
