import asyncpg
from typing import Literal
from fastapi import FastAPI
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import Session

app = FastAPI()
engine = create_async_engine("postgresql+asyncpg://localhost/debates")
sync_engine = create_engine("postgresql://localhost/debates")
TABLES = ["users", "debates", "messages"]
ARCHIVE_TABLE = "messages_archive"


@app.on_event("startup")
async def verify_database():
    async with engine.connect() as conn:
        for table in TABLES:
            result = await conn.execute(text(f"SELECT COUNT(*) FROM {table}"))  # Noncompliant {{Bind "table" as a query parameter, or check it against an allow-list (for a table or column name, inspect(engine) or quoted_name()) before formatting it into this SQL.}}
#                                       ^^^^
#                                                                    ^^^^^@-1< {{Formatted into the SQL text}}
            print(table, result.scalar())


def purge(session: Session, table_name: str, days: int):
    session.execute(text("DELETE FROM %s WHERE age > %d" % (table_name, days)))  # Noncompliant


async def copy_rows(pool: asyncpg.Pool, source: str):
    sql = "INSERT INTO archive SELECT * FROM "
    sql += source
    await pool.execute(sql)  # Noncompliant


def count_by_status(session: Session, status_column):
    query = "SELECT {}, COUNT(*) FROM orders GROUP BY 1".format(status_column)
    return session.execute(text(query)).all()  # Noncompliant


def reset_sequences(session: Session, tables):
    for table in reversed(tables):
        session.execute(text(f"ALTER TABLE {table} AUTO_INCREMENT = 1"))  # Noncompliant


# Compliant look-alikes

def sorted_orders(session: Session, order: Literal["created", "total"], days: int):
    # a Literal of fixed column names, a number
    return session.execute(text(f"SELECT * FROM orders WHERE age < {days} ORDER BY {order}")).all()


def reset_all_sequences(session: Session, model):
    # the tables the program declares in its metadata
    tables = reversed(model.metadata.sorted_tables)
    for table in tables:
        session.execute(text("ALTER TABLE {} AUTO_INCREMENT = 1".format(table)))
        for column in table.primary_key:
            session.execute(text('SELECT setval(\'"{0}_{1}_seq"\', 1)'.format(table, column.name)))
    for name in inspect(session.connection()).get_table_names():
        session.execute(text(f"ANALYZE {name}"))

async def verify_with_inspector():
    with sync_engine.connect() as conn:
        names = inspect(conn).get_table_names()
        return {"users" in names, "debates" in names}


def count_constant(session: Session):
    return session.execute(text(f"SELECT COUNT(*) FROM {ARCHIVE_TABLE}")).scalar()


def count_bound(session: Session, status: str):
    return session.execute(text("SELECT COUNT(*) FROM orders WHERE status = :status"), {"status": status}).scalar()


def in_list(session: Session, ids: list):
    placeholders = ", ".join(f":id_{i}" for i in range(len(ids)))
    params = {f"id_{i}": value for i, value in enumerate(ids)}
    return session.execute(text(f"SELECT * FROM orders WHERE id IN ({placeholders})"), params).all()


def paged(session: Session, page: int):
    return session.execute(text(f"SELECT * FROM orders LIMIT 20 OFFSET {page * 20}")).all()


def optional_filter(session: Session, only_open: bool):
    where = "WHERE status = 'open'" if only_open else ""
    return session.execute(text(f"SELECT * FROM orders {where}")).all()


def with_model_table(session: Session, model):
    return session.execute(text(f"SELECT COUNT(*) FROM {model.__tablename__}")).scalar()


def django_cursor(table):
    # Django and DB-API cursors are SonarPython S2077's
    from django.db import connection
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")


@app.get("/count")
def count_from_request(table: str):
    # request data: reported by SqlInjection, not twice
    with sync_engine.connect() as conn:
        return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
