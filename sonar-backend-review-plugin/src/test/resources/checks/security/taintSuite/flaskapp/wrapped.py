# Labelled taint suite: flows that cross modules.
import os

from flask import Flask

from .reqwrap import RequestParams, current_params, query_value
from flask import request

app = Flask(__name__)


@app.route("/wrapped")
def wrapped():
    params = RequestParams(request)
    os.system("ls " + params.text("dir"))  # fire: OsCommandInjection
    return "ok"


@app.route("/factory")
def factory():
    params = current_params()
    os.system("ls " + params.text("dir"))  # fire: OsCommandInjection
    return "ok"


@app.route("/helper")
def helper():
    os.system("ls " + query_value("dir"))  # fire: OsCommandInjection
    return "ok"
