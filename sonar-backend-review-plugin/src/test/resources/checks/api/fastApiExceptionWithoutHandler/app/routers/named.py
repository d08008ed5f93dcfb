from fastapi import APIRouter

from app.errors import QuotaExceeded

router = APIRouter()


@router.get("/named")
async def named():
    raise QuotaExceeded()  # reported where the router is included by name (main.py)
