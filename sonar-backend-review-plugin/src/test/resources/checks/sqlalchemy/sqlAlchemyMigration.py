"""An Alembic migration: sessions borrow Alembic's connection and transaction."""
from alembic import op
from sqlalchemy.orm import Session

from app.models import Item


def upgrade():
    session = Session(bind=op.get_bind())
    for item in session.query(Item):
        item.migrated = True
    session.commit()
    op.drop_column("items", "legacy")
    session.add(Item())
    session.commit()


def downgrade():
    pass
