# Labelled taint suite: Flask, SQL, deserialization, templates and outgoing requests.
import pickle
import sqlite3

import requests
import yaml
from flask import Flask, render_template_string, request

app = Flask(__name__)


def db():
    return sqlite3.connect("app.db")


@app.route("/users")
def users():
    name = request.args.get("name", "")
    rows = db().execute("SELECT * FROM users WHERE name = '" + name + "'").fetchall()  # fire: SqlInjection
    return {"rows": rows}


@app.route("/users-safe")
def users_safe():
    name = request.args.get("name", "")
    rows = db().execute("SELECT * FROM users WHERE name = ?", (name,)).fetchall()  # safe: SqlInjection
    return {"rows": rows}


@app.route("/users-by-key")
def users_by_key():
    params = {"name": request.args.get("name", ""), "order": "name"}
    sql = "SELECT * FROM users ORDER BY " + params["order"]
    return {"rows": db().execute(sql).fetchall()}  # safe: SqlInjection


@app.route("/users-by-tainted-key")
def users_by_tainted_key():
    params = {"name": request.args.get("name", ""), "order": "name"}
    sql = "SELECT * FROM users WHERE name = '" + params["name"] + "'"
    return {"rows": db().execute(sql).fetchall()}  # fire: SqlInjection


@app.route("/load", methods=["POST"])
def load():
    return str(pickle.loads(request.get_data()))  # fire: UnsafeDeserialization


@app.route("/yaml", methods=["POST"])
def load_yaml():
    return str(yaml.safe_load(request.get_data()))  # safe: UnsafeDeserialization


@app.route("/page")
def page():
    title = request.args.get("title", "")
    return render_template_string("<h1>" + title + "</h1>")  # fire: TemplateInjection


@app.route("/fetch")
def fetch():
    url = request.args.get("url", "")
    return requests.get(url, timeout=5).text  # fire: ServerSideRequestForgery


@app.route("/fetch-fixed")
def fetch_fixed():
    item = request.args.get("item", "")
    return requests.get("https://api.example.com/items/" + item, timeout=5).text  # safe: ServerSideRequestForgery
