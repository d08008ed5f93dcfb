"""Warehouse pages: SQLAlchemy relationship loading, uploads and errors, each next to its fixed twin."""
import httpx
from fastapi import APIRouter, Depends, UploadFile
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, selectinload

from ..db import get_async_session, get_session
from ..models import Warehouse

router = APIRouter(prefix="/warehouses", tags=["warehouses"])

MAX_IMPORT_BYTES = 1024 * 1024


class WarehouseClosed(Exception):
    """A warehouse that takes no stock moves today."""


@router.get("/sizes")
def warehouse_sizes(session: Session = Depends(get_session)) -> dict[str, int]:
    warehouses = session.scalars(select(Warehouse)).all()
    return {warehouse.name: len(warehouse.items) for warehouse in warehouses}


@router.get("/sizes-eager")
def warehouse_sizes_eager(session: Session = Depends(get_session)) -> dict[str, int]:
    warehouses = session.scalars(select(Warehouse).options(selectinload(Warehouse.items))).all()
    return {warehouse.name: len(warehouse.items) for warehouse in warehouses}


@router.get("/{warehouse_id}/skus")
async def warehouse_skus(warehouse_id: int, session: AsyncSession = Depends(get_async_session)) -> list[str]:
    warehouse = await session.get(Warehouse, warehouse_id)
    return [item.sku for item in warehouse.items]


@router.get("/{warehouse_id}/skus-eager")
async def warehouse_skus_eager(warehouse_id: int, session: AsyncSession = Depends(get_async_session)) -> list[str]:
    warehouse = await session.get(Warehouse, warehouse_id, options=[selectinload(Warehouse.items)])
    return [item.sku for item in warehouse.items]


@router.post("/{warehouse_id}/import", status_code=201)
async def import_stock(warehouse_id: int, upload: UploadFile) -> dict[str, int]:
    content = await upload.read()
    return {"warehouse": warehouse_id, "lines": content.count(b"\n")}


@router.post("/{warehouse_id}/import-capped", status_code=201)
async def import_stock_capped(warehouse_id: int, upload: UploadFile) -> dict[str, int]:
    content = await upload.read(MAX_IMPORT_BYTES + 1)
    if len(content) > MAX_IMPORT_BYTES:
        raise WarehouseClosed(warehouse_id)
    return {"warehouse": warehouse_id, "lines": content.count(b"\n")}


@router.get("/carriers")
async def carrier_quotes(carriers: list[str]) -> list[float]:
    quotes = []
    async with httpx.AsyncClient(timeout=5.0) as client:
        for carrier in carriers:
            response = await client.get(f"https://quotes.example.com/{carrier}")
            quotes.append(response)
    return [quote.json()["price"] for quote in quotes]
