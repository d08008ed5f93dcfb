from alembic import op

revision = "2e"
down_revision = "1a"


def upgrade():
    op.drop_table("coupon")


def downgrade():
    # irreversible: the coupons are gone
    pass
