from alembic import context

DEFAULT_URL = "postgresql+psycopg://app@localhost/app"
