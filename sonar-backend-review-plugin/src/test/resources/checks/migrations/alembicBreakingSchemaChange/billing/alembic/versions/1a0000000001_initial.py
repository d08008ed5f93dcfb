"""initial: history (revised by every other revision), not reported by default"""
from alembic import op
import sqlalchemy as sa

revision = "1a0000000001"
down_revision = None


def upgrade():
    op.drop_column("customer", "very_old")
    op.create_table("account", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("account")
