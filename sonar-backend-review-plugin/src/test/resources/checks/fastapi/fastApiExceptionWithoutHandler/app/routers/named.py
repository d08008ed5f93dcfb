from fastapi import APIRouter

from app.errors import QuotaExceeded

router = APIRouter()


@router.get("/named")
async def named():
    raise QuotaExceeded()  # included by name: the module is not known
