from typing import Annotated, Optional

from pydantic import BaseModel, Field


class Address(BaseModel):
    # a request model because PlaceOrder (another module) has an "Address" field, and PlaceOrder is the body of a route
    street: str  # Noncompliant {{Bound the size of request field "street" of Address with "max_length" so that oversized values are rejected before they are stored or processed.}}
    city: Annotated[str, Field(max_length=80)]
    geo: Optional["GeoPoint"] = None


class GeoPoint(BaseModel):
    # two modules away from the route, through Address
    label: str  # Noncompliant
    lat: float
    lon: float


class Contact(BaseModel):
    # a request model because a route of routers/contacts.py takes it as its body, imported through the package
    email: str  # Noncompliant
    phone: Annotated[str, Field(max_length=20)]


class Invoice(BaseModel):
    # nesting Address does not make Invoice a request model: only a route's body or an outer request model does
    memo: str
    address: Address


class AuditEntry(BaseModel):
    # used by a route only as a dependency: not the body
    actor: str
