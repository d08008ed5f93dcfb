# Labelled taint suite: helpers in another module (a wrapper around the request, a factory).
from flask import request


class RequestParams:
    def __init__(self, source):
        self.source = source

    def text(self, key):
        return self.source.args.get(key, "")


def current_params():
    return RequestParams(request)


def query_value(key):
    return request.args.get(key, "")
