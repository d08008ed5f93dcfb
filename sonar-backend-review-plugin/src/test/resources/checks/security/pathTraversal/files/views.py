import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, HttpResponse
from fastapi import FastAPI
from fastapi.responses import FileResponse as StarletteFileResponse
from rest_framework.decorators import api_view
from rest_framework.response import Response
from werkzeug.utils import secure_filename

app = FastAPI()
BASE_DIR = "/srv/reports"
UPLOADS = Path("/srv/uploads")


def download(request):
    filename = request.GET["f"]
    return FileResponse(open(os.path.join(BASE_DIR, filename), "rb"))  # Noncompliant {{Do not build this file path from the request parameter "f" (line 20); keep only its base name, or check that the resolved path stays inside the intended directory.}}


def read_note(request, name):
    content = (UPLOADS / request.GET["note"]).read_text()  # Noncompliant
    return HttpResponse(content, content_type="text/plain")


@api_view(["POST"])
def archive(request):
    shutil.copy(request.data["source"], "/srv/archive/")  # Noncompliant
    storage = FileSystemStorage(location=request.data["folder"])  # Noncompliant
    return Response({"location": storage.location})


@app.get("/files/{file_path:path}")
def get_file(file_path: str):
    return StarletteFileResponse(f"/srv/files/{file_path}")  # Noncompliant


# Compliant look-alikes

def download_basename(request):
    filename = os.path.basename(request.GET["f"])
    return FileResponse(open(os.path.join(BASE_DIR, filename), "rb"))


def download_checked(request):
    path = os.path.realpath(os.path.join(BASE_DIR, request.GET["f"]))
    if not path.startswith(BASE_DIR + os.sep):
        return HttpResponse("forbidden", status=403, content_type="text/plain")
    return FileResponse(open(path, "rb"))


@app.get("/uploads/{name}")
def get_upload(name: str):
    return StarletteFileResponse(UPLOADS / secure_filename(name))


@app.get("/reports/{report_id}")
def get_report(report_id: int):
    return StarletteFileResponse(f"{BASE_DIR}/{report_id}.pdf")


def settings_file(request):
    return FileResponse(open(os.path.join(settings.BASE_DIR, "static", "robots.txt"), "rb"))


def report_path(name):
    # a same-module helper that sanitises
    return os.path.join(BASE_DIR, os.path.basename(name))


def download_with_helper(request):
    return FileResponse(open(report_path(request.GET["f"]), "rb"))
