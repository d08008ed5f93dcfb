"""another head (a branch): a NOT NULL column in a batch block"""
from alembic import op
import sqlalchemy as sa

revision = "2c0000000003"
down_revision = "1a0000000001"


def upgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("score", sa.Integer(), nullable=False))  # Noncompliant {{Give column "score" a server_default= or add it with nullable=True first: adding a NOT NULL column without a database default fails on a table with rows, and the inserts of the code still running during the deploy fail.}}
#       ^^^^^^^^^^^^^^^^^^^


def downgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("score")
