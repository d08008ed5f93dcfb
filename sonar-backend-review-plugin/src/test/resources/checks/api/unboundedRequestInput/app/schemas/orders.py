from pydantic import BaseModel, Field

from app.schemas.common import Address


class PlaceOrder(BaseModel):
    shipping: Address
    notes: list[str] = Field(default_factory=list, max_length=20)
    lines: list["OrderLine"]  # Noncompliant {{Bound the size of request field "lines" of PlaceOrder with "max_length" so that oversized values are rejected before they are stored or processed.}}


class OrderLine(BaseModel):
    sku: str = Field(max_length=40)
    comment: str  # Noncompliant
