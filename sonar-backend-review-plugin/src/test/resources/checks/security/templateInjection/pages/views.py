from django.http import HttpResponse
from django.template import Context, Template, engines
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment
from rest_framework.decorators import api_view
from rest_framework.response import Response

app = FastAPI()
env = Environment(autoescape=True)


def greeting(request):
    name = request.GET.get("name", "guest")
    template = Template("<h1>Hello " + name + "</h1>")  # Noncompliant {{Do not compile a template from the request parameter "name" (line 15); render a fixed template and pass the value in its context.}}
    return HttpResponse(template.render(Context({})))


@api_view(["POST"])
def preview(request):
    rendered = engines["django"].from_string(request.data["body"]).render({})  # Noncompliant
    return Response({"html": rendered})


@app.get("/hello", response_class=HTMLResponse)
def hello(name: str):
    return env.from_string(f"<p>Hello {name}</p>").render()  # Noncompliant


# Compliant look-alikes

def greeting_context(request):
    template = Template("<h1>Hello {{ name }}</h1>")
    return HttpResponse(template.render(Context({"name": request.GET.get("name", "guest")})))


@app.get("/hello-safe", response_class=HTMLResponse)
def hello_safe(name: str):
    return env.from_string("<p>Hello {{ name }}</p>").render(name=name)


@app.post("/preview", response_class=HTMLResponse)
def preview_sandboxed(body: str):
    return SandboxedEnvironment().from_string(body).render()
