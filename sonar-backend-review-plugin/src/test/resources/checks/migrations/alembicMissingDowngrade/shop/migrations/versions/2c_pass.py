from alembic import op

revision = "2c"
down_revision = "1a"


def upgrade():
    with op.batch_alter_table("product") as batch_op:
        batch_op.drop_column("legacy")


def downgrade():  # Noncompliant {{Revert the schema changes of this revision in "downgrade()", or raise NotImplementedError if it cannot be reverted: this empty downgrade lets "alembic downgrade" succeed and leaves the schema upgraded.}}
    """Nothing."""
    pass
