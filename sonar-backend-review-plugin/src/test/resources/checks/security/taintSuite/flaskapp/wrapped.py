# Labelled taint suite: flows that cross modules.
import os

from flask import Flask

from .reqwrap import (RequestParams, Settings, checked_value, current_params, current_settings, form_value, query_value, quoted_value,
                      request_path)
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


@app.route("/form-helper", methods=["POST"])
def form_helper():
    os.system("ls " + form_value(request, "dir"))  # fire: OsCommandInjection
    return "ok"


@app.route("/settings")
def settings_dir():
    params = Settings({"dir": "/srv"})
    os.system("ls " + params.text("dir"))  # safe: OsCommandInjection
    return "ok"


@app.route("/wrapped-constant")
def wrapped_constant():
    params = RequestParams({"args": {"dir": "/srv"}})
    os.system("ls " + params.text("dir"))  # safe: OsCommandInjection
    return "ok"


@app.route("/settings-factory")
def settings_factory():
    os.system("ls " + current_settings().text("dir"))  # safe: OsCommandInjection
    return "ok"


@app.route("/path-helper")
def path_helper():
    os.system("ls " + request_path())  # safe: OsCommandInjection
    return "ok"


@app.route("/quoted-helper")
def quoted_helper():
    os.system("ls " + quoted_value("dir"))  # safe: OsCommandInjection
    return "ok"


@app.route("/form-helper-other", methods=["POST"])
def form_helper_other():
    os.system("ls " + form_value(Settings({}), "dir"))  # safe: OsCommandInjection
    return "ok"


@app.route("/checked-helper")
def checked_helper():
    os.system("ls " + checked_value("dir"))  # safe: OsCommandInjection
    return "ok"
