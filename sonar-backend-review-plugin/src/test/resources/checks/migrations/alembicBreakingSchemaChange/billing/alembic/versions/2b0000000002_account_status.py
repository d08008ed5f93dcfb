"""a head: what a change adds"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import Column, Integer, BigInteger, String
from billing.types import CustomText, LongCustomText

revision = "2b0000000002"
down_revision = "1a0000000001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("account", sa.Column("status", sa.String(20), nullable=False, default="active"))  # Noncompliant {{Give column "status" a server_default= or add it with nullable=True first: adding a NOT NULL column without a database default fails on a table with rows, and the inserts of the code still running during the deploy fail. 6 more operations of this migration: see the secondary locations.}}
#   ^^^^^^^^^^^^^
    op.drop_column("account", "legacy_code")
#   ^^^^^^^^^^^^^^< {{column "legacy_code" dropped}}
    op.alter_column("account", "email", existing_type=sa.String(255), nullable=False)
#   ^^^^^^^^^^^^^^^< {{"email" made NOT NULL}}
    op.alter_column("account", "counter", existing_type=Integer(), type_=BigInteger())
#   ^^^^^^^^^^^^^^^< {{type of "counter" changed}}
    op.alter_column("account", "name", new_column_name="full_name")
#   ^^^^^^^^^^^^^^^< {{column "name" renamed}}
    op.drop_table("coupon")
#   ^^^^^^^^^^^^^< {{table "coupon" dropped}}
    with op.batch_alter_table("account") as batch_op:
        batch_op.drop_column("notes")
#       ^^^^^^^^^^^^^^^^^^^^< {{column "notes" dropped}}

    # Compliant look-alikes
    op.add_column("account", sa.Column("plan", sa.String(20), nullable=False, server_default="free"))
    op.add_column("account", sa.Column("nickname", sa.String(20), nullable=True))
    op.add_column("account", Column("bio", String(200)))
    op.add_column("account", sa.Column("seq", sa.Integer, sa.Identity(), nullable=False))
    op.alter_column("account", "phone", existing_type=sa.String(20), nullable=False, server_default="")
    op.alter_column("account", "zip", existing_type=sa.String(5), nullable=True)
    op.alter_column("account", "city", existing_type=sa.String(36), type_=sa.String(255))  # a wider string
    op.alter_column("account", "about", existing_type=sa.String(36), type_=sa.Text())
    op.alter_column("account", "region", type_=sa.String(10))  # the old type is unknown
    op.alter_column("account", "motto", existing_type=CustomText(), type_=LongCustomText())  # project types: unknown
    op.alter_column("account", "kind", existing_type=sa.Enum("a", name="kind"), type_=sa.Enum("a", "b", name="kind"))
    op.create_table("invoice", sa.Column("id", sa.Integer, primary_key=True))
    op.add_column("invoice", sa.Column("total", sa.Integer, nullable=False))  # a table of this revision
    op.drop_column("invoice", "draft")
    with op.batch_alter_table("invoice") as batch_op:
        batch_op.alter_column("total", new_column_name="amount")
    op.execute("UPDATE account SET status = 'active'")
    ops = Helper()
    ops.drop_column("account", "other")  # not alembic's op


class Helper:
    def drop_column(self, table, column):
        pass


def downgrade():
    pass
