from typing import Annotated, Any, Dict, List

from fastapi import APIRouter, Body, Depends, FastAPI, Request
from pydantic import BaseModel

router = APIRouter()


class ItemCreate(BaseModel):
    name: str


@router.post("/items")
async def create_item(request: Request):
    data = await request.json()  # Noncompliant {{Declare a Pydantic model parameter for this request body instead of reading "request.json()", so that FastAPI validates and documents it.}}
#                ^^^^^^^^^^^^^^
    return data


@router.post("/raw")
async def create_raw(payload: dict):  # Noncompliant {{Declare a Pydantic model for this request body instead of "dict", so that FastAPI validates and documents it.}}
#                    ^^^^^^^^^^^^^
    return payload


@router.put("/config")
async def put_config(settings: Dict[str, Any], items: List[dict]):  # Noncompliant 2
    return settings


@router.patch("/anything")
async def patch_anything(body: Annotated[Any, Body()], other=Body(...)):  # Noncompliant 2
    return body


# Compliant look-alikes

@router.post("/items-typed")
async def create_typed(item: ItemCreate, extra: Annotated[int, Body()] = 0):
    return item


@router.post("/webhook")
async def webhook(request: Request):
    # raw bytes are needed to verify a signature
    raw = await request.body()
    return verify(raw, request.headers["X-Signature"])


@router.put("/quotas")
async def put_quotas(quotas: dict[str, int], items: Dict[str, ItemCreate], nested: dict[str, list[str]]):
    # typed values: FastAPI validates every key and value
    return quotas


@router.put("/labels")
async def put_labels(labels: dict[str, Any]):  # Noncompliant
    return labels


@router.put("/trees")
async def put_trees(trees: Dict[str, dict]):  # Noncompliant
    return trees


@router.get("/search")
async def search(q: str, filters: Any = None):
    return []


def not_a_route(request: Request):
    return request.json()


async def helper_dep(payload: dict = Depends(lambda: {})):
    return payload
