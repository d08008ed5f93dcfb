# Labelled taint suite: helpers in another module (a wrapper around the request, a factory).
import shlex

from flask import abort, request


class RequestParams:
    def __init__(self, source):
        self.source = source

    def text(self, key):
        return self.source.args.get(key, "")


def current_params():
    return RequestParams(request)


def query_value(key):
    return request.args.get(key, "")


class Settings:
    def __init__(self, values):
        self.values = values

    def text(self, key):
        return self.values.get(key, "")


def current_settings():
    return Settings({"dir": "/srv"})


def request_path():
    return request.path


def quoted_value(key):
    return shlex.quote(request.args.get(key, ""))


def form_value(source, key):
    return source.form.get(key, "")


def checked_value(key):
    value = request.args.get(key, "")
    if not value.isalnum():
        abort(400)
    return value
