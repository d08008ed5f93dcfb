# Labelled taint suite: FastAPI.
import subprocess

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, RedirectResponse

app = FastAPI()


@app.get("/hello", response_class=HTMLResponse)
def hello(name: str):
    return "<h1>" + name + "</h1>"  # fire: ReflectedXss


@app.get("/count", response_class=HTMLResponse)
def count(n: int):
    return "<h1>" + str(n) + "</h1>"  # safe: ReflectedXss


@app.get("/go")
def go(next: str):
    return RedirectResponse(next)  # fire: OpenRedirect


@app.get("/ping")
def ping(host: str):
    subprocess.run(["bash", "-c", "ping -c1 " + host])  # fire: OsCommandInjection
    return {}
