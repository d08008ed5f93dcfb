from fastapi import APIRouter

from ..schemas import PlaceOrder

router = APIRouter()


@router.post("/orders")
async def create_order(order: PlaceOrder):
    return order
