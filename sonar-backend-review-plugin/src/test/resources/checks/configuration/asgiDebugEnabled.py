import os

import uvicorn
from fastapi import FastAPI
from fastapi import FastAPI as Api
from starlette.applications import Starlette

from .config import settings

app = FastAPI(title="shop", debug=True)  # Noncompliant {{Remove debug=True from this FastAPI application: every unhandled error then answers with its traceback and source lines.}}
#                           ^^^^^^^^^^
admin = Api(debug=True)  # Noncompliant
internal = Starlette(routes=[], debug=True)  # Noncompliant {{Remove debug=True from this Starlette application: every unhandled error then answers with its traceback and source lines.}}

# Compliant: the default, an explicit False, values from configuration or the environment
quiet = FastAPI()
off = FastAPI(debug=False)
configured = FastAPI(debug=settings.debug)
from_env = Starlette(debug=os.environ.get("DEBUG") == "1")


class NotAnApp:
    def __init__(self, debug=False):
        self.debug = debug


lookalike = NotAnApp(debug=True)  # Compliant: not an ASGI application


def serve():
    uvicorn.run("shop.main:app", host="0.0.0.0", port=8000, reload=True)  # Noncompliant {{Remove reload=True from this uvicorn.run() of product code: the reloader is for development and restarts the server whenever a watched file changes.}}
#                                                           ^^^^^^^^^^^


def serve_configured():
    uvicorn.run(app, host="0.0.0.0", reload=settings.reload)  # Compliant: configured
    uvicorn.run(app, workers=4)


if __name__ == "__main__":
    # Compliant: the development entry point FastAPI's documentation shows
    uvicorn.run("shop.main:app", reload=True)
    dev_app = FastAPI(debug=True)
