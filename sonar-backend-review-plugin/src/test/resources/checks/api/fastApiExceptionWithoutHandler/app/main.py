from fastapi import FastAPI, APIRouter, WebSocket
from fastapi.responses import JSONResponse
import uvicorn

from app.errors import DomainError, NotFoundError, QuotaExceeded, Conflict, Unsupported
from app.external import ExternalError
from app.routers import items, wrapped
from app.routers.named import router as named_router

app = FastAPI()
router = APIRouter()


class PaymentRequired(Exception):
    pass


@app.exception_handler(NotFoundError)
async def not_found(request, exc):
    return JSONResponse({"detail": "not found"}, status_code=404)


@app.get("/quota")
async def quota():
    raise QuotaExceeded()  # Noncompliant {{Register an exception handler for "QuotaExceeded" ("@app.exception_handler(QuotaExceeded)") or raise an HTTPException: no handler of this application maps it and clients get a generic 500.}}
#         ^^^^^^^^^^^^^


@app.post("/pay")
def pay(amount: int):
    if amount > 100:
        raise PaymentRequired  # Noncompliant
    raise DomainError("generic")  # Noncompliant
    return {}


@app.get("/unsupported")
def unsupported():
    raise Unsupported("no")  # Noncompliant


# Compliant look-alikes

@app.get("/items/{item_id}")
async def read_item(item_id: int):
    raise NotFoundError(item_id)  # a handler is registered for the class


@app.get("/conflict")
async def conflict():
    raise Conflict()  # an HTTPException


@app.get("/builtin")
async def builtin():
    raise ValueError("not a project class")


@app.get("/external")
async def external():
    raise ExternalError()  # unresolved class


@app.get("/caught")
async def caught():
    try:
        raise QuotaExceeded()
    except QuotaExceeded:
        return {}


@app.websocket("/ws")
async def ws(websocket: WebSocket):
    raise QuotaExceeded()


@router.get("/router")
async def on_router():
    raise QuotaExceeded()  # the router is included into an application elsewhere


def helper():
    raise QuotaExceeded()


app.include_router(items.router)  # Noncompliant 2
app.include_router(wrapped.router)
app.include_router(named_router)  # Noncompliant {{Register an exception handler for "QuotaExceeded" ("@app.exception_handler(QuotaExceeded)") or raise an HTTPException in route "named": no handler of this application maps it and clients get a generic 500.}}
#                  ^^^^^^^^^^^^


if __name__ == "__main__":
    uvicorn.run(app)
