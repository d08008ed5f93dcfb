from fastapi import APIRouter
from fastapi.routing import APIRoute

from app.errors import QuotaExceeded


class CatchingRoute(APIRoute):
    pass


router = APIRouter(route_class=CatchingRoute)


@router.get("/wrapped")
async def wrapped():
    raise QuotaExceeded()  # the route class may turn it into a response
