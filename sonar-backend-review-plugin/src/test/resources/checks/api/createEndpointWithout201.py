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


@router.post("/authors")  # Noncompliant
async def create_author(author: dict):
    return author


# an action on an existing resource, not a new one
@router.post("/items/{item_id}/tags")
async def add_tag(item_id: int, tag: dict):
    return {"ok": True}


# token minting and sessions
@router.post("/auth/token")
async def create_access_token(credentials: dict):
    return {"access_token": "x"}


@router.post("/sessions")
async def create_session(credentials: dict):
    return {"id": 1}


# an HTML form post answered with a redirect
from fastapi import Form
from fastapi.responses import RedirectResponse


@router.post("/comments")
async def add_comment(text: str = Form(...)):
    return RedirectResponse("/comments", status_code=303)


@router.post("/subscriptions")
async def create_subscription(email: str = Form(...)):
    return {"ok": True}


# the handler builds its own response
@router.post("/exports")
async def create_export(payload: dict):
    response = JSONResponse({"id": 1})
    return response
