from fastapi import FastAPI
from starlette.applications import Starlette

from app.errors import QuotaExceeded
from app.handlers import register_handlers
from app.middleware import ErrorMiddleware

# handed to code of another module
app = FastAPI()
register_handlers(app)


@app.get("/a")
def a():
    raise QuotaExceeded()


# a custom middleware may turn exceptions into responses
other = FastAPI()
other.add_middleware(ErrorMiddleware)


@other.get("/b")
def b():
    raise QuotaExceeded()


# handlers given to the constructor, for every exception
third = FastAPI(exception_handlers={Exception: lambda request, exc: None})


@third.get("/c")
def c():
    raise QuotaExceeded()


def create_app():
    application = FastAPI()

    @application.get("/d")
    def d():
        raise QuotaExceeded()

    @application.exception_handler(QuotaExceeded)
    def handle(request, exc):
        ...

    return application
