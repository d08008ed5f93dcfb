from alembic import op
import sqlalchemy as sa

revision = "1a"
down_revision = None


def upgrade():
    op.create_table("account", sa.Column("id", sa.Integer, primary_key=True), sa.Column("email", sa.String(200)))
    op.create_index("ix_account_email", "account", ["email"])  # a table of this revision


def downgrade():
    op.drop_table("account")
