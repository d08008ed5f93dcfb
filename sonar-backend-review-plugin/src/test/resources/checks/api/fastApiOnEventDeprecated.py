from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()


@app.on_event("startup")  # Noncompliant {{Move this "startup" handler into a lifespan context manager passed to FastAPI(lifespan=...): "on_event" is deprecated.}}
#^^^^^^^^^^^^^^^^^^^^^^^
async def connect():
    ...


@router.on_event("shutdown")  # Noncompliant
async def disconnect():
    ...


app.add_event_handler("startup", connect)  # Noncompliant


# Compliant look-alikes

@asynccontextmanager
async def lifespan(app: FastAPI):
    await connect()
    yield
    await disconnect()


other = FastAPI(lifespan=lifespan)


class Bus:
    def on_event(self, name):
        return lambda f: f


bus = Bus()


@bus.on_event("startup")
def handler():
    ...


class MyApp(FastAPI):
    def on_event(self, event_type):
        # an application class forwarding the API to its router
        return self.router.on_event(event_type)


class MyRouter(APIRouter):
    def on_event(self, event_type):
        def decorator(func):
            self.add_event_handler(event_type, func)
            return func
        return decorator
