import os

import sqlalchemy
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import create_engine as sqlmodel_engine

DATABASE_URL = os.environ["DATABASE_URL"]

engine = create_engine(DATABASE_URL, echo=True)  # Noncompliant {{Remove echo=True from this engine: it logs every SQL statement with its parameters, passwords and personal data included; configure the "sqlalchemy.engine" logger where you need it.}}
#                                    ^^^^^^^^^
verbose = sqlalchemy.create_engine(DATABASE_URL, echo="debug")  # Noncompliant {{Remove echo="debug" from this engine: it logs every SQL statement with its parameters, passwords and personal data included; configure the "sqlalchemy.engine" logger where you need it.}}
async_engine = create_async_engine(DATABASE_URL, pool_pre_ping=True, echo=True)  # Noncompliant
models_engine = sqlmodel_engine(DATABASE_URL, echo=True)  # Noncompliant

# Compliant: off, configured, or not an engine
quiet = create_engine(DATABASE_URL)
off = create_engine(DATABASE_URL, echo=False)
configured = create_engine(DATABASE_URL, echo=os.environ.get("SQL_ECHO") == "1", hide_parameters=True)
pool_only = create_engine(DATABASE_URL, echo_pool=True)


def echo(message, echo=True):
    return message


echo("hello", echo=True)


if __name__ == "__main__":
    # Compliant: a developer's run of the module
    debug_engine = create_engine("sqlite://", echo=True)
