from django.http import HttpResponse, JsonResponse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from rest_framework.decorators import api_view
from rest_framework.response import Response

app = FastAPI()


def hello(request):
    name = request.GET.get("name", "")
    return HttpResponse("<h1>Hello " + name + "</h1>")  # Noncompliant {{Escape the request parameter "name" (line 13) before writing it into this HTML response.}}


def banner(request):
    message = mark_safe(f"<div class='banner'>{request.GET['msg']}</div>")  # Noncompliant {{Do not mark the request parameter "msg" (line 18) as safe HTML; escape it, or build the markup with format_html().}}
    return HttpResponse(message)


def link(request):
    url = request.GET["url"]
    return HttpResponse(format_html(f"<a href='{url}'>link</a>"))  # Noncompliant {{Pass the request parameter "url" (line 23) as an argument of format_html() instead of formatting it into the template string.}}


@api_view(["GET"])
def echo(request):
    return HttpResponse("You searched for %s" % request.query_params["q"])  # Noncompliant


@app.get("/welcome", response_class=HTMLResponse)
def welcome(user: str):
    return HTMLResponse(f"<p>Welcome {user}</p>")  # Noncompliant


# Compliant look-alikes

def hello_escaped(request):
    return HttpResponse("<h1>Hello " + escape(request.GET.get("name", "")) + "</h1>")


def link_formatted(request):
    return HttpResponse(format_html("<a href='{}'>link</a>", request.GET["url"]))


def constant_markup(request):
    return HttpResponse(mark_safe("<b>static</b>"))


def plain_text(request):
    return HttpResponse("You searched for " + request.GET["q"], content_type="text/plain")


def json_reply(request):
    return JsonResponse({"q": request.GET["q"]})


@api_view(["GET"])
def echo_json(request):
    return Response({"q": request.query_params["q"]})


@app.get("/count", response_class=HTMLResponse)
def count(n: int):
    return HTMLResponse(f"<p>{n} items</p>")
