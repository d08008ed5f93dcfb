import httpx
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from inventory_service.config import PAGE_SIZE, REQUEST_TIMEOUT, SUPPLIER_API
from inventory_service.db import StockItem, get_session

app = FastAPI(title="Inventory")


class StockOut(BaseModel):
    sku: str
    quantity: int


@app.get("/stock/{sku}", response_model=StockOut)
async def get_stock(sku: str, session: AsyncSession = Depends(get_session)):
    item = (await session.execute(select(StockItem).where(StockItem.sku == sku))).scalar_one_or_none()
    if item is None:
        raise HTTPException(status_code=404, detail="unknown SKU")
    return StockOut(sku=item.sku, quantity=item.quantity)


@app.get("/stock")
async def search_stock(prefix: str, session: AsyncSession = Depends(get_session)):
    # String-built SQL: the prefix comes straight from the query string.
    rows = await session.execute(text(f"SELECT sku, quantity FROM stock_item WHERE sku LIKE '{prefix}%' LIMIT {PAGE_SIZE}"))
    return [{"sku": sku, "quantity": quantity} for sku, quantity in rows]


@app.post("/stock/{sku}/reorder")
async def reorder(sku: str):
    async with httpx.AsyncClient(timeout=REQUEST_TIMEOUT) as client:
        response = await client.post(f"{SUPPLIER_API}/orders", json={"sku": sku, "quantity": 10})
    response.raise_for_status()
    return {"status": "ordered"}
