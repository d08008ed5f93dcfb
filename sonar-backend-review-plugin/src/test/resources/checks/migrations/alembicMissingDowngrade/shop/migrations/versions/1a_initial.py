"""history; its real downgrade shows the project keeps downgrades"""
from alembic import op
import sqlalchemy as sa

revision = "1a"
down_revision = None


def upgrade():
    op.create_table("product", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("product")
