import asyncio
import os
import shlex
import subprocess

from django.http import HttpResponse
from fastapi import FastAPI
from rest_framework.decorators import api_view
from rest_framework.response import Response

app = FastAPI()
ALLOWED_HOSTS = {"example.com", "example.org"}


def ping(request):
    host = request.GET["host"]
    output = subprocess.check_output(f"ping -c 1 {host}", shell=True)  # Noncompliant {{Do not build this command from the request parameter "host" (line 16); run a fixed program with a list of arguments and no shell, and validate the value.}}
    return HttpResponse(output, content_type="text/plain")


def archive(request):
    name = request.POST.get("name")
    os.system("tar czf /tmp/backup.tgz " + name)  # Noncompliant
    return HttpResponse("ok", content_type="text/plain")


@api_view(["POST"])
def run_tool(request):
    tool = request.data["tool"]
    subprocess.run([tool, "--version"])  # Noncompliant
    return Response({})


@app.get("/lookup")
async def lookup(domain: str):
    process = await asyncio.create_subprocess_shell("nslookup " + domain)  # Noncompliant
    await process.wait()
    return {}


def ping_via_shell(request):
    host = request.GET["host"]
    subprocess.run(["sh", "-c", "ping -c 1 " + host])  # Noncompliant
    return HttpResponse("ok", content_type="text/plain")


# Compliant look-alikes

def ping_shell_argument(request):
    # the host is a positional parameter of the script ($1), not part of the command line
    subprocess.run(["sh", "-c", 'ping -c 1 "$1"', "ping", request.GET["host"]])
    return HttpResponse("ok", content_type="text/plain")


def ping_list(request):
    host = request.GET["host"]
    output = subprocess.check_output(["ping", "-c", "1", host])
    return HttpResponse(output, content_type="text/plain")


def ping_quoted(request):
    host = shlex.quote(request.GET["host"])
    output = subprocess.check_output(f"ping -c 1 {host}", shell=True)
    return HttpResponse(output, content_type="text/plain")


def ping_allow_listed(request):
    host = request.GET["host"]
    if host not in ALLOWED_HOSTS:
        return HttpResponse("unknown host", status=400, content_type="text/plain")
    subprocess.check_output(f"ping -c 1 {host}", shell=True)
    return HttpResponse("ok", content_type="text/plain")


@app.get("/count")
async def count(limit: int):
    os.system(f"head -n {limit} /var/log/app.log")
    return {}


def constant_command(request):
    subprocess.run("uptime", shell=True)
    return HttpResponse("ok", content_type="text/plain")
