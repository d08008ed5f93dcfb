from flask import request, session


def login():
    session["user_id"] = request.form["id"]  # Compliant: Flask's session is a signed cookie, not a Django request session
