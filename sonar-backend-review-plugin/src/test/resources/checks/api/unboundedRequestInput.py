from typing import Annotated, List, Literal, Optional

from fastapi import APIRouter, Body, Depends, Query
from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl, StringConstraints, conint, conlist, constr, field_validator

router = APIRouter()


class DebateCreate(BaseModel):
    prompt: str  # Noncompliant {{Bound the size of request field "prompt" of DebateCreate with "max_length" so that oversized values are rejected before they are stored or processed.}}
#   ^^^^^^^^^^^
    tags: List[str] = []  # Noncompliant
    context: Optional[dict] = None  # Noncompliant
    rounds: int = 3
    title: str = Field(..., max_length=200)
    mode: Literal["fast", "slow"] = "fast"


class Comment(BaseModel):
    text: str | None = None  # Noncompliant {{Bound the size of request field "text" of Comment with "max_length" so that oversized values are rejected before they are stored or processed.}}
    author_email: EmailStr


class ItemOut(BaseModel):
    # response model, not used as a body: not checked
    description: str


@router.post("/debates")
async def create_debate(body: DebateCreate):
    return body


@router.post("/comments")
async def create_comment(comment: Comment):
    return comment


@router.get("/items")
async def list_items(limit: int = Query(100), offset: int = 0):  # Noncompliant {{Make sure this page size is bounded: add "le=" to its Query() so that clients cannot request unlimited rows.}}
#                    ^^^^^^^^^^^^^^^^^^^^^^^
    return []


@router.get("/users")
async def list_users(page_size: Annotated[int, Query(ge=1)] = 20):  # Noncompliant
    return []


@router.get("/orders")
async def list_orders(per_page: int = 50):  # Noncompliant {{Make sure this page size is bounded: add "le=" to a Query() so that clients cannot request unlimited rows.}}
    return []


# Compliant look-alikes

class DebateUpdate(BaseModel):
    prompt: Annotated[str, Field(max_length=4000)]
    summary: Annotated[str, StringConstraints(max_length=500, strip_whitespace=True)]
    tags: conlist(str, max_length=10) = []
    code: constr(max_length=12)
    homepage: HttpUrl | None = None
    participants: list[str] = Field(default_factory=list, max_length=8)


class ProfileUpdate(BaseModel):
    model_config = ConfigDict(str_max_length=1000)

    bio: str
    nickname: str


class MessageCreate(BaseModel):
    text: str

    @field_validator("text")
    @classmethod
    def limit_text(cls, value):
        if len(value) > 2000:
            raise ValueError("too long")
        return value


class LegacyCreate(BaseModel):
    name: str

    class Config:
        max_anystr_length = 100


@router.get("/bounded")
async def bounded(limit: int = Query(100, le=1000), page_size: Annotated[int, Query(ge=1, le=100)] = 20,
                  per_page: conint(le=100) = 10, size: int = 10):
    return []


@router.get("/not-a-page-size")
async def other(limit: str = "all"):
    return []


class TokenPayload(BaseModel):
    # the content of a JWT, not a request body
    sub: str | None = None


# Nested models: followed from the body model through its fields, the issue on the unbounded field of the nested model

class Address(BaseModel):
    street: str  # Noncompliant {{Bound the size of request field "street" of Address with "max_length" so that oversized values are rejected before they are stored or processed.}}
    zip_code: Annotated[str, Field(max_length=10)]


class LineItem(BaseModel):
    sku: constr(max_length=32)
    note: Optional[str] = None  # Noncompliant
    children: list["LineItem"] = Field(default_factory=list, max_length=10)


class Order(BaseModel):
    shipping: Address
    billing: Optional[Address] = None
    lines: list[LineItem]  # Noncompliant {{Bound the size of request field "lines" of Order with "max_length" so that oversized values are rejected before they are stored or processed.}}
    parent: Optional["Order"] = None


@router.post("/orders")
async def create_order(order: Order):
    return order


class Tag(BaseModel):
    # only in a bounded list of a request model: still a request model, its own fields bounded
    label: Annotated[str, Field(max_length=30)]


class Labelled(BaseModel):
    tags: list[Tag] = Field(default_factory=list, max_length=5)


@router.put("/labels")
async def put_labels(body: Labelled):
    return body


class OrderSummary(BaseModel):
    # a response model nesting a model: not a request model
    address: Address
    comment: str
