# Labelled taint suite: Flask, path traversal.
import os
import pathlib

from flask import Flask, abort, request, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/read")
def read():
    name = request.args.get("name", "")
    with open(os.path.join(BASE, name)) as handle:  # fire: PathTraversal
        return handle.read()


@app.route("/exists")
def exists():
    name = request.args.get("name", "")
    if os.path.exists(name):  # fire: PathTraversal
        return "yes"
    return "no"


@app.route("/isfile")
def isfile():
    name = request.args.get("name", "")
    return "yes" if os.path.isfile(os.path.join(BASE, name)) else "no"  # fire: PathTraversal


@app.route("/pathlib-exists")
def pathlib_exists():
    name = request.args.get("name", "")
    target = pathlib.Path(BASE) / name
    if target.exists():  # fire: PathTraversal
        return "yes"
    return "no"


@app.route("/pathlib-is-file")
def pathlib_is_file():
    name = request.args.get("name", "")
    return str(pathlib.Path(name).is_file())  # fire: PathTraversal


@app.route("/dotdot")
def dotdot():
    name = request.args.get("name", "")
    if "../" in name or name.startswith("/"):
        abort(400)
    with open(os.path.join(BASE, name)) as handle:  # safe: PathTraversal
        return handle.read()


@app.route("/dotdot-2")
def dotdot_2():
    name = request.args.get("name", "")
    if ".." in name:
        return "invalid", 400
    return open(BASE + "/" + name).read()  # safe: PathTraversal


@app.route("/dotdot-logged")
def dotdot_logged():
    name = request.args.get("name", "")
    if ".." in name:
        print("suspicious")
    return open(BASE + "/" + name).read()  # fire: PathTraversal


@app.route("/secure")
def secure():
    name = secure_filename(request.args.get("name", ""))
    return open(os.path.join(BASE, name)).read()  # safe: PathTraversal


@app.route("/download/<path:name>")
def download(name):
    return send_from_directory(BASE, name)  # safe: PathTraversal


@app.route("/dead")
def dead():
    name = request.args.get("name", "")
    path = "report.txt"
    if 3 > 4:
        path = name
    return open(os.path.join(BASE, path)).read()  # safe: PathTraversal
