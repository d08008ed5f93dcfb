# Labelled taint suite: SQL through connections that helpers of another module return.
from flask import Flask, request

from .database import get_connection, get_db, get_session, runner

app = Flask(__name__)


@app.route("/db-helper")
def db_helper():
    name = request.args.get("name", "")
    return {"rows": get_db().execute("SELECT * FROM users WHERE name = '" + name + "'").fetchall()}  # fire: SqlInjection


@app.route("/db-helper-cursor")
def db_helper_cursor():
    name = request.args.get("name", "")
    cursor = get_db().cursor()
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)  # fire: SqlInjection
    return {"rows": cursor.fetchall()}


@app.route("/session-helper")
def session_helper():
    name = request.args.get("name", "")
    session = get_session()
    return {"rows": session.execute(f"SELECT * FROM users WHERE name = '{name}'").all()}  # fire: SqlInjection


@app.route("/connection-helper")
def connection_helper():
    name = request.args.get("name", "")
    with get_connection() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM users WHERE name = '" + name + "'").all()  # fire: SqlInjection
    return {"rows": rows}


@app.route("/db-helper-bound")
def db_helper_bound():
    name = request.args.get("name", "")
    return {"rows": get_db().execute("SELECT * FROM users WHERE name = ?", (name,)).fetchall()}  # safe: SqlInjection


@app.route("/runner")
def run():
    name = request.args.get("name", "")
    return {"result": runner().execute("SELECT * FROM users WHERE name = '" + name + "'")}  # safe: SqlInjection
