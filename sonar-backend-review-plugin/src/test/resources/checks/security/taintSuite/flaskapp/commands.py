# Labelled taint suite: Flask, OS commands and code evaluation.
import os
import re
import shlex
import subprocess

from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/sh")
def sh():
    host = request.args.get("host", "")
    subprocess.run(["sh", "-c", "ping -c 1 " + host])  # fire: OsCommandInjection
    return "ok"


@app.route("/bash")
def bash():
    script = request.form["script"]
    subprocess.check_output(["/bin/bash", "-c", script])  # fire: OsCommandInjection
    return "ok"


@app.route("/sh-args")
def sh_args():
    host = request.args.get("host", "")
    subprocess.run(["sh", "-c", 'ping -c 1 "$1"', "ping", host])  # safe: OsCommandInjection
    return "ok"


@app.route("/argv")
def argv():
    host = request.args.get("host", "")
    subprocess.run(["ping", "-c", "1", host])  # safe: OsCommandInjection
    return "ok"


@app.route("/system")
def system():
    host = request.args.get("host", "")
    os.system("ping -c 1 " + host)  # fire: OsCommandInjection
    return "ok"


@app.route("/quoted")
def quoted():
    host = request.args.get("host", "")
    os.system("ping -c 1 " + shlex.quote(host))  # safe: OsCommandInjection
    return "ok"


@app.route("/shell-dead")
def shell_dead():
    host = request.args.get("host", "")
    command = "uptime"
    if 1 + 1 == 3:
        command = "ping " + host
    os.system(command)  # safe: OsCommandInjection
    return "ok"


@app.route("/calc")
def calc():
    expression = request.args.get("e", "")
    return str(eval(expression))  # fire: CodeInjection


@app.route("/calc-quoted")
def calc_quoted():
    word = request.args.get("w", "")
    if "'" in word or "\\" in word:
        abort(400)
    return str(eval("'" + word + "'"))  # safe: CodeInjection


@app.route("/calc-quoted-2")
def calc_quoted_2():
    word = request.args.get("w", "")
    if not re.fullmatch(r"[a-z]*", word):
        abort(400)
    return str(eval("'%s'.upper()" % word))  # safe: CodeInjection


@app.route("/calc-quoted-unchecked")
def calc_quoted_unchecked():
    word = request.args.get("w", "")
    return str(eval("'" + word + "'"))  # fire: CodeInjection


@app.route("/calc-repr")
def calc_repr():
    word = request.args.get("w", "")
    return str(eval(repr(word)))  # safe: CodeInjection


@app.route("/exec-b64")
def exec_b64():
    import base64
    code = base64.b64decode(request.args.get("c", "")).decode()
    exec(code)  # fire: CodeInjection
    return "ok"
