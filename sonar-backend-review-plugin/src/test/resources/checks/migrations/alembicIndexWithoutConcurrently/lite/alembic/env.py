from alembic import context

URL = "sqlite:///app.db"
