"""the contract step of an expand/contract layout: runs once no old code is left"""
from alembic import op

revision = "3d0000000004"
down_revision = "1a0000000001"
branch_labels = ("contract",)


def upgrade():
    op.drop_column("account", "legacy_flag")
    op.drop_table("old_audit")
    op.alter_column("account", "nick", new_column_name="nickname")
    op.alter_column("account", "email", nullable=False)  # the old code is gone
