from flask import Flask, escape, request
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

flask_app = Flask(__name__)
api = FastAPI()


@flask_app.route("/hello")
def hello():
    name = request.args.get("name", "")
    return f"<h1>Hello {name}</h1>"  # Noncompliant {{Escape the request parameter "name" (line 11) before returning it as HTML from this view.}}


@api.get("/card", response_class=HTMLResponse)
def card(title: str):
    page = "<div class='card'>" + title + "</div>"
    return page  # Noncompliant


# Compliant look-alikes

@flask_app.route("/hello-escaped")
def hello_escaped():
    return f"<h1>Hello {escape(request.args.get('name', ''))}</h1>"


@flask_app.route("/data")
def data():
    return {"name": request.args.get("name")}


@api.get("/card-json")
def card_json(title: str):
    # FastAPI sends a returned string as JSON
    return f"<div>{title}</div>"


def not_a_view(title):
    return f"<div>{title}</div>"
