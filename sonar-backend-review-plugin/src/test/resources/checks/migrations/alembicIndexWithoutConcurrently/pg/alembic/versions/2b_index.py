from alembic import op

revision = "2b"
down_revision = "1a"


def upgrade():
    op.create_index("ix_account_name", "account", ["name"], unique=True)  # Noncompliant {{Create index "ix_account_name" with postgresql_concurrently=True inside "with op.get_context().autocommit_block():": a plain CREATE INDEX blocks every write to "account" while it builds. 1 more operation of this migration: see the secondary locations.}}
#   ^^^^^^^^^^^^^^^
    op.create_index("ix_account_city", "account", ["city"], postgresql_concurrently=True)
#   ^^^^^^^^^^^^^^^< {{concurrent index "ix_account_city" in a transaction}}


def downgrade():
    op.drop_index("ix_account_city", "account")
    op.drop_index("ix_account_name", "account")
