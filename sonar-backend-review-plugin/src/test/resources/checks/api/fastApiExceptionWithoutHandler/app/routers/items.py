from fastapi import APIRouter

from app import errors
from app.errors import Conflict, NotFoundError, QuotaExceeded

router = APIRouter(prefix="/items")


@router.get("/{item_id}")
async def read_item(item_id: int):
    if item_id < 0:
        raise NotFoundError(item_id)  # handled by the application
    raise QuotaExceeded()  # reported where the router is included (main.py)


@router.post("/")
async def create_item():
    raise errors.DomainError("no")  # reported where the router is included (main.py)


@router.put("/{item_id}")
async def update_item(item_id: int):
    try:
        raise QuotaExceeded()
    except QuotaExceeded:
        return {}


@router.delete("/{item_id}")
async def delete_item(item_id: int):
    raise Conflict()  # an HTTPException


def helper():
    raise QuotaExceeded()  # not a route


def catching(function):
    return function


@router.get("/wrapped")
@catching
async def wrapped_route():
    raise errors.Unsupported("no")  # another decorator may turn it into a response
