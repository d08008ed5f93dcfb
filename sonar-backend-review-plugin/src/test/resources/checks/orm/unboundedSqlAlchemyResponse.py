from typing import Annotated

from fastapi import APIRouter, Depends, Query
from flask import Flask, jsonify
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.db import get_db, get_async_db
from app.models import Item, User

router = APIRouter()
app = Flask(__name__)


@router.get("/items")
def list_items(db: Session = Depends(get_db)):
    return db.scalars(select(Item)).all()  # Noncompliant {{Paginate or limit this list of every "Item" row: the response grows with the table.}}
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^


@router.get("/users")
def list_users(db: Session = Depends(get_db)):
    return db.query(User).order_by(User.name).all()  # Noncompliant {{Paginate or limit this list of every "User" row: the response grows with the table.}}


@router.get("/items/async")
async def list_items_async(session: Annotated[AsyncSession, Depends(get_async_db)]):
    result = await session.execute(select(Item).order_by(Item.id))
    return result.scalars().all()  # Noncompliant


@router.get("/items/statement")
async def list_items_statement(session: AsyncSession = Depends(get_async_db)):
    statement = select(Item).options()
    items = (await session.scalars(statement)).all()
    return items  # Noncompliant


@app.route("/flask/users")
def flask_users():
    with Session() as session:
        users = session.execute(select(User)).scalars().all()
    return jsonify([user.to_dict() for user in users])  # Noncompliant


# Compliant look-alikes

@router.get("/items/page")
def page_of_items(db: Session = Depends(get_db), limit: int = Query(50, le=100), offset: int = 0):
    return db.scalars(select(Item).offset(offset).limit(limit)).all()


@router.get("/users/active")
def active_users(db: Session = Depends(get_db)):
    return db.query(User).filter(User.active).all()


@router.get("/users/{user_id}/items")
def items_of_user(user_id: int, db: Session = Depends(get_db)):
    return db.scalars(select(Item).where(Item.owner_id == user_id)).all()


@router.get("/items/{item_id}")
def one_item(item_id: int, db: Session = Depends(get_db)):
    return db.scalars(select(Item).where(Item.id == item_id)).first()


@router.get("/items/count")
def count_items(db: Session = Depends(get_db)):
    return db.scalar(select(func.count()).select_from(Item))


@router.get("/items/names")
def item_names(db: Session = Depends(get_db)):
    return db.execute(select(Item.id, Item.name)).all()  # columns of every row: not reported (only whole mapped entities are)


@router.get("/items/sliced")
def sliced(db: Session = Depends(get_db)):
    return db.query(Item).slice(0, 100).all()


def not_a_route(db: Session):
    return db.scalars(select(Item)).all()  # a helper, not a request handler
