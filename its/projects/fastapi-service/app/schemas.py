from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field


class ItemIn(BaseModel):
    sku: str = Field(min_length=1, max_length=32)
    name: str
    price: Decimal = Field(gt=0)
    quantity: int = Field(ge=0)
    warehouse_id: int
    tags: list[str] = []


class ItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    sku: str
    name: str
    price: Decimal
    quantity: int


class StockMove(BaseModel):
    delta: int
    reason: str | None = None
