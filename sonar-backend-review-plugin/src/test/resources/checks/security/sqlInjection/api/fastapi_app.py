import asyncpg
import databases
import sqlite3
from typing import Annotated

from fastapi import Depends, FastAPI, Query
from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

app = FastAPI()
database = databases.Database("postgresql://localhost/shop")


def get_db():
    pass


@app.get("/users/{user_id}")
def read_user(user_id: str, db: Session = Depends(get_db)):
    return db.execute(text(f"SELECT * FROM users WHERE id = '{user_id}'")).all()  # Noncompliant {{Pass the URL parameter "user_id" (line 19) as a bound query parameter instead of building this SQL query from it.}}


@app.get("/search")
async def search(q: str):
    conn = await asyncpg.connect("postgresql://localhost/shop")
    return await conn.fetch("SELECT * FROM items WHERE name LIKE '%" + q + "%'")  # Noncompliant


@app.get("/orders")
async def orders(status: str = Query("open")):
    return await database.fetch_all(f"SELECT * FROM orders WHERE status = '{status}'")  # Noncompliant


@app.get("/legacy")
def legacy(name: str):
    conn = sqlite3.connect("shop.db")
    return conn.execute("SELECT * FROM t WHERE name = '%s'" % name).fetchall()  # Noncompliant


@app.get("/report")
def report(year: str, db: Session = Depends(get_db)):
    return db.execute(f"SELECT * FROM sales WHERE year = {year}").all()  # Noncompliant


@app.get("/legacy-filter")
def legacy_filter(name: str, db: Session = Depends(get_db)):
    return db.query(User).filter("name = '%s'" % name).all()  # Noncompliant


# Compliant look-alikes

class User:
    name = None


@app.get("/filter-expression")
def filter_expression(name: str, db: Session = Depends(get_db)):
    users = db.query(User).filter(User.name == name).all()
    users += db.query(User).filter(User.name.like(f"%{name}%")).all()
    users += db.query(User).filter(or_(User.name.ilike(name), User.name == name)).all()
    return users + db.execute(select(User).where(User.name == name)).all()


@app.get("/users-by-int/{user_id}")
def read_user_int(user_id: int, db: Session = Depends(get_db)):
    return db.execute(text(f"SELECT * FROM users WHERE id = {user_id}")).all()


@app.get("/users-bound/{user_id}")
def read_user_bound(user_id: str, db: Session = Depends(get_db)):
    return db.execute(text("SELECT * FROM users WHERE id = :id").bindparams(id=user_id)).all()


@app.get("/search-bound")
async def search_bound(q: str):
    conn = await asyncpg.connect("postgresql://localhost/shop")
    return await conn.fetch("SELECT * FROM items WHERE name LIKE $1", f"%{q}%")


@app.get("/status")
async def by_status(status: Annotated[str, Query(pattern="^(open|closed)$")]):
    return await database.fetch_all(f"SELECT * FROM orders WHERE status = '{status}'")
