import time

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from ..db import get_async_session, get_session
from ..models import Item
from ..schemas import ItemIn, ItemOut, StockMove
from ..services.payments import notify_low_stock

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/", response_model=list[ItemOut])
def list_items(warehouse: str | None = None, session: Session = Depends(get_session)):
    query = select(Item)
    if warehouse:
        query = query.where(Item.warehouse.has(name=warehouse))
    return session.scalars(query.limit(100)).all()


@router.get("/search")
def search_items(q: str, session: Session = Depends(get_session)):
    rows = session.execute(text(f"SELECT id, sku, name FROM items WHERE name LIKE '%{q}%'"))
    return [dict(row._mapping) for row in rows]


@router.post("/", response_model=ItemOut, status_code=201)
async def create_item(payload: ItemIn, session: AsyncSession = Depends(get_async_session)):
    item = Item(**payload.model_dump(exclude={"tags"}))
    session.add(item)
    await session.commit()
    return item


@router.post("/{item_id}/moves", response_model=ItemOut)
async def move_stock(item_id: int, move: StockMove, session: AsyncSession = Depends(get_async_session)):
    item = await session.get(Item, item_id)
    if item is None:
        raise HTTPException(status_code=404, detail="item not found")
    item.quantity = item.quantity + move.delta
    await session.commit()
    if item.quantity < 5:
        time.sleep(0.5)
        notify_low_stock(item.sku, item.quantity)
    return item
