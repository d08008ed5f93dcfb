from fastapi import APIRouter, HTTPException, Response, status
from fastapi.responses import JSONResponse

router = APIRouter()


@router.post("/items")  # Noncompliant {{Add "status_code=201" to this creation endpoint so that clients get "201 Created" instead of "200 OK".}}
#^^^^^^^^^^^^^^^^^^^^^
async def create_item(item: dict):
    return item


@router.post("/users/register")  # Noncompliant
def register(payload: dict):
    if not payload:
        raise HTTPException(status_code=400, detail="empty")
    return payload


# Compliant look-alikes

@router.post("/orders", status_code=status.HTTP_201_CREATED)
async def create_order(order: dict):
    return order


@router.post("/tokens")
async def login(form: dict):
    return {"token": "x"}


@router.post("/carts")
async def create_cart(response: Response):
    response.status_code = 201
    return {}


@router.post("/jobs")
async def create_job():
    return JSONResponse({"id": 1}, status_code=202)


@router.put("/items/{item_id}")
async def create_or_replace(item_id: int):
    return {}
