import os

import sqlalchemy as sa
from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import create_engine as sqlmodel_engine

from app.config import settings

engine = create_engine("postgresql+psycopg2://app@db/app", pool_pre_ping=True)  # Noncompliant {{Give this engine's connections a connect timeout and a statement timeout (connect_args={"connect_timeout": 5, "options": "-c statement_timeout=30000"} with psycopg): a database that stops answering would otherwise hold each request, then every worker, indefinitely.}}
#        ^^^^^^^^^^^^^
async_engine = create_async_engine("postgresql+asyncpg://app@db/app", echo=False)  # Noncompliant {{Give this engine's connections a connect timeout and a statement timeout (connect_args={"timeout": 5, "command_timeout": 30} with asyncpg): a database that stops answering would otherwise hold each request, then every worker, indefinitely.}}
mysql = create_engine(URL.create("mysql+pymysql", username="app", host="db"))  # Noncompliant {{Give this engine's connections a connect timeout and a statement timeout (connect_args={"connect_timeout": 5, "read_timeout": 30}): a database that stops answering would otherwise hold each request, then every worker, indefinitely.}}
model_engine = sqlmodel_engine(f"postgresql://{settings.user}@{settings.host}/app")  # Noncompliant
sized = create_engine(settings.DATABASE_URL, pool_size=20, max_overflow=40)  # Noncompliant
other_args = sa.create_engine("postgresql://app@db/app", connect_args={"application_name": "web"})  # Noncompliant

DATABASE_URL = "postgresql://app@db/app"
from_constant = create_engine(DATABASE_URL)  # Noncompliant


class Database:
    def __init__(self):
        self.engine = create_engine("mysql+mysqldb://app@db/app")  # Noncompliant


# ---- Compliant look-alikes ----

with_connect_args = create_engine("postgresql://app@db/app", connect_args={"connect_timeout": 5, "options": "-c statement_timeout=30000"})
with_connect_timeout = create_engine("postgresql://app@db/app", connect_args={"connect_timeout": 5})
asyncpg_timeouts = create_async_engine("postgresql+asyncpg://app@db/app", connect_args={"command_timeout": 30})
asyncpg_settings = create_async_engine("postgresql+asyncpg://app@db/app", connect_args={"server_settings": {"statement_timeout": "30000"}})
mysql_read = create_engine("mysql+pymysql://app@db/app", connect_args={"read_timeout": 30})
in_url = create_engine("postgresql://app@db/app?connect_timeout=10")
built_args = create_engine("postgresql://app@db/app", connect_args=settings.DB_CONNECT_ARGS)
merged_args = create_engine("postgresql://app@db/app", connect_args={**settings.DB_CONNECT_ARGS, "application_name": "web"})
from_config = create_engine(settings.DATABASE_URL)  # the configured URL may carry ?connect_timeout=...
from_env = create_async_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
sqlite_file = create_engine("sqlite:///app.db")
sqlite_pool = create_engine(f"sqlite:///{settings.data_dir}/app.db", pool_size=5)
sqlite_args = create_engine(settings.DATABASE_URL, pool_size=5, connect_args={"check_same_thread": False})
from_kwargs = create_engine("postgresql://app@db/app", **settings.engine_options)


def one_off_command():
    engine_ = create_engine("postgresql://app@db/app")  # short-lived engine of a script or command
    with engine_.connect() as connection:
        connection.exec_driver_sql("VACUUM")
    engine_.dispose()


def create_mock_engine(url, executor):
    return create_engine("postgresql://", strategy="mock", executor=executor)  # SQLAlchemy 1.x mock engine: no connections
