# Labelled taint suite: Flask, reflected XSS. "# fire: Rule" marks a line where the rule must raise, "# safe: Rule" one
# where it must not.
import base64
import configparser
import html

from flask import Blueprint, Flask, escape, jsonify, make_response, render_template_string, request

app = Flask(__name__)
bp = Blueprint("pages", __name__)


@app.route("/greet")
def greet():
    return "<h1>Hello " + request.args.get("name", "") + "</h1>"  # fire: ReflectedXss


@app.route("/greet-var")
def greet_var():
    who = request.args.get("who", "")
    page = f"<p>{who}</p>"
    return page  # fire: ReflectedXss


@app.route("/echo")
def echo():
    text = request.values.get("text")
    return text  # fire: ReflectedXss


@app.route("/echo-status")
def echo_status():
    text = request.form["text"]
    return "<b>%s</b>" % text, 200  # fire: ReflectedXss


@app.route("/hello/<name>")
def hello(name):
    return f"Hello {name}!"  # fire: ReflectedXss


@bp.route("/item/<int:item_id>")
def item(item_id):
    return f"Item {item_id}"  # safe: ReflectedXss


@app.route("/cookie")
def cookie():
    theme = request.cookies.get("theme", "light")
    response = make_response("<body class='" + theme + "'>")  # fire: ReflectedXss
    return response


@app.route("/header-only")
def header_only():
    lang = request.headers.get("Accept-Language", "")
    response = make_response("<p>ok</p>")  # safe: ReflectedXss
    response.headers["Content-Language"] = lang
    return response


@app.route("/header-only-2")
def header_only_2():
    token = request.args.get("token", "")
    response = make_response(render_template_string("<p>Saved</p>"))  # safe: ReflectedXss
    response.set_cookie("token", token)
    return response


@app.route("/escaped")
def escaped():
    name = request.args.get("name", "")
    return "<p>" + escape(name) + "</p>"  # safe: ReflectedXss


@app.route("/escaped-html")
def escaped_html():
    name = request.args.get("name", "")
    return "<p>%s</p>" % html.escape(name)  # safe: ReflectedXss


@app.route("/json")
def as_json():
    name = request.args.get("name", "")
    return jsonify(name=name)  # safe: ReflectedXss


@app.route("/template")
def template():
    name = request.args.get("name", "")
    return render_template_string("<p>{{ name }}</p>", name=name)  # safe: ReflectedXss


@app.route("/json-body", methods=["POST"])
def json_body():
    data = request.get_json()
    return "<p>" + data["comment"] + "</p>"  # fire: ReflectedXss


@app.route("/upload", methods=["POST"])
def upload():
    upload = request.files["doc"]
    return "<p>Received " + upload.filename + "</p>"  # fire: ReflectedXss


@app.route("/dead-branch")
def dead_branch():
    value = request.args.get("v", "")
    limit = 10
    if limit * 3 > 100:
        shown = value
    else:
        shown = "constant"
    return "<p>" + shown + "</p>"  # safe: ReflectedXss


@app.route("/dead-branch-2")
def dead_branch_2():
    value = request.args.get("v", "")
    shown = value if 2 + 2 == 5 else "fixed"
    return "<p>" + shown + "</p>"  # safe: ReflectedXss


@app.route("/live-branch")
def live_branch():
    value = request.args.get("v", "")
    limit = 10
    if limit * 3 < 100:
        shown = value
    else:
        shown = "constant"
    return "<p>" + shown + "</p>"  # fire: ReflectedXss


@app.route("/dict-key")
def dict_key():
    values = {"user": request.args.get("u", ""), "site": "example"}
    return "<p>" + values["site"] + "</p>"  # safe: ReflectedXss


@app.route("/dict-key-tainted")
def dict_key_tainted():
    values = {"user": request.args.get("u", ""), "site": "example"}
    return "<p>" + values["user"] + "</p>"  # fire: ReflectedXss


@app.route("/dict-store")
def dict_store():
    values = {}
    values["a"] = request.args.get("a", "")
    values["b"] = "plain"
    return "<p>" + values["b"] + "</p>"  # safe: ReflectedXss


@app.route("/list-index")
def list_index():
    items = ["safe", request.args.get("x", "")]
    return "<p>" + items[0] + "</p>"  # safe: ReflectedXss


@app.route("/list-index-tainted")
def list_index_tainted():
    items = ["safe", request.args.get("x", "")]
    return "<p>" + items[1] + "</p>"  # fire: ReflectedXss


@app.route("/b64")
def b64():
    raw = request.args.get("x", "")
    packed = base64.b64encode(raw.encode("utf-8"))
    unpacked = base64.b64decode(packed).decode("utf-8")
    return "<p>" + unpacked + "</p>"  # fire: ReflectedXss


@app.route("/config")
def config_round_trip():
    parser = configparser.ConfigParser()
    parser.add_section("main")
    parser.set("main", "shown", request.args.get("x", ""))
    shown = parser.get("main", "shown")
    return "<p>" + shown + "</p>"  # fire: ReflectedXss


@app.route("/config-other-key")
def config_other_key():
    parser = configparser.ConfigParser()
    parser.add_section("main")
    parser.set("main", "kept", request.args.get("x", ""))
    parser.set("main", "shown", "fixed")
    shown = parser.get("main", "shown")
    return "<p>" + shown + "</p>"  # safe: ReflectedXss
