from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.errors import DomainError, NotFoundError, QuotaExceeded

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"])


async def on_domain_error(request, exc):
    ...


app.add_exception_handler(DomainError, on_domain_error)


@app.get("/missing")
def missing():
    raise NotFoundError()  # handled through its base class


@app.get("/quota")
def quota():
    raise QuotaExceeded()  # Noncompliant
