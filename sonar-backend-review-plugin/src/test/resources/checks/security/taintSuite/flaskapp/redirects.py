# Labelled taint suite: Flask, open redirects.
import html
from urllib.parse import urlparse

from flask import Flask, abort, escape, redirect, request, url_for

app = Flask(__name__)
ALLOWED_HOSTS = {"example.com", "www.example.com"}


@app.route("/go")
def go():
    return redirect(request.args.get("next"))  # fire: OpenRedirect


@app.route("/go-escaped")
def go_escaped():
    target = html.escape(request.args.get("next", ""))
    return redirect(target)  # fire: OpenRedirect


@app.route("/go-markup")
def go_markup():
    target = escape(request.args.get("next", ""))
    return redirect(target)  # fire: OpenRedirect


@app.route("/go/<path:target>")
def go_path(target):
    return redirect(target)  # fire: OpenRedirect


@app.route("/go-allowed")
def go_allowed():
    target = request.args.get("next", "/")
    if urlparse(target).netloc in ALLOWED_HOSTS:
        return redirect(target)  # safe: OpenRedirect
    return redirect("/")


@app.route("/go-allowed-2")
def go_allowed_2():
    target = request.args.get("next", "/")
    host = urlparse(target).netloc
    if host not in ALLOWED_HOSTS:
        abort(400)
    return redirect(target)  # safe: OpenRedirect


@app.route("/go-allowed-3")
def go_allowed_3():
    target = request.args.get("next", "/")
    if urlparse(target).netloc != "example.com":
        return redirect("/")
    return redirect(target)  # safe: OpenRedirect


@app.route("/go-unchecked-host")
def go_unchecked_host():
    target = request.args.get("next", "/")
    host = urlparse(target).netloc
    print(host)
    return redirect(target)  # fire: OpenRedirect


@app.route("/go-internal")
def go_internal():
    page = request.args.get("page", "")
    return redirect(url_for("index") + "?page=" + page)  # safe: OpenRedirect


@app.route("/go-relative")
def go_relative():
    page = request.args.get("page", "")
    return redirect("/articles/" + page)  # safe: OpenRedirect


@app.route("/go-dead")
def go_dead():
    target = request.args.get("next", "/")
    if len("abc") > 5:
        return redirect(target)  # safe: OpenRedirect
    return redirect("/")
