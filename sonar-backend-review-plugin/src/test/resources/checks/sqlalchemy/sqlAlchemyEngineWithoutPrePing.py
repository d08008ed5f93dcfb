import os

import sqlalchemy as sa
from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool, StaticPool
from sqlmodel import create_engine as sqlmodel_engine

from app.config import settings

engine = create_engine(settings.DATABASE_URL, pool_size=20, max_overflow=40)  # Noncompliant {{Pass "pool_pre_ping=True" to this engine: connections dropped by the database server (restart, failover, idle timeout) would otherwise fail requests instead of being replaced.}}
#        ^^^^^^^^^^^^^
async_engine = create_async_engine("postgresql+asyncpg://app@db/app", echo=False)  # Noncompliant
other = sa.create_engine(os.environ["DATABASE_URL"])  # Noncompliant
mysql = create_engine(URL.create("mysql+pymysql", username="app", host="db"))  # Noncompliant
model_engine = sqlmodel_engine(f"postgresql://{settings.user}@{settings.host}/app")  # Noncompliant
disabled = create_engine(settings.DATABASE_URL, pool_pre_ping=False)  # Noncompliant {{Set "pool_pre_ping=True": connections dropped by the database server would otherwise fail requests instead of being replaced.}}
#                                                             ^^^^^


# ---- Compliant look-alikes ----

with_ping = create_engine(settings.DATABASE_URL, pool_pre_ping=True, pool_timeout=30)
async_with_ping = create_async_engine(settings.DATABASE_URL, pool_pre_ping=True)
recycled = create_engine("mysql://app@db/app", pool_recycle=3600)
sqlite_file = create_engine("sqlite:///app.db")
sqlite_memory = create_async_engine("sqlite+aiosqlite://", poolclass=StaticPool)
sqlite_built = create_engine(f"sqlite:///{settings.data_dir}/app.db")
sqlite_args = create_engine(settings.DATABASE_URL, connect_args={"check_same_thread": False})
no_pool = create_engine(settings.DATABASE_URL, poolclass=NullPool)
from_kwargs = create_engine(settings.DATABASE_URL, **settings.engine_options)


def sqlite_path(path):
    sqlite_url = "sqlite:///" + path
    return create_engine(sqlite_url)  # name says SQLite


SQLITE_URL = "sqlite:///local.db"
local_default = create_engine(SQLITE_URL)


def one_off_command(url):
    engine_ = create_engine(url)  # short-lived engine of a script or command: fresh connections
    with engine_.connect() as connection:
        connection.exec_driver_sql("VACUUM")
    engine_.dispose()


class Database:
    def __init__(self, url):
        self.engine = create_engine(url)  # Noncompliant


def make_engine(url):
    return create_engine(url, pool_size=10)  # Noncompliant


def make_engine_via_name(url):
    engine_ = create_async_engine(url)  # Noncompliant
    return engine_


def mock_engine(executor):
    return create_engine("postgresql://", strategy="mock", executor=executor)  # SQLAlchemy 1.x mock engine: no pool


def reflect(url):
    metadata = sa.MetaData()
    metadata.bind = create_engine(url)  # attribute of a local object: short-lived
    metadata.reflect()
