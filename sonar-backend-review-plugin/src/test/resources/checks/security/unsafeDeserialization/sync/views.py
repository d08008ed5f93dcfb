import base64
import json
import pickle

import yaml
from django.http import JsonResponse
from fastapi import FastAPI, Request, UploadFile
from rest_framework.decorators import api_view
from rest_framework.response import Response

app = FastAPI()


def import_config(request):
    config = yaml.load(request.body)  # Noncompliant {{Do not deserialize the request body (line 15) with yaml.load(); accept JSON (or yaml.safe_load) and validate it.}}
    return JsonResponse({"keys": list(config)})


def restore(request):
    state = pickle.loads(base64.b64decode(request.COOKIES["state"]))  # Noncompliant
    return JsonResponse({"state": str(state)})


@api_view(["POST"])
def upload(request):
    data = pickle.load(request.FILES["dump"])  # Noncompliant
    return Response({"items": len(data)})


@app.post("/settings")
async def settings(request: Request):
    body = await request.body()
    return yaml.load(body, Loader=yaml.Loader)  # Noncompliant


# Compliant look-alikes

def import_config_safe(request):
    config = yaml.safe_load(request.body)
    other = yaml.load(request.body, Loader=yaml.SafeLoader)
    return JsonResponse({"keys": list(config) + list(other)})


def restore_json(request):
    return JsonResponse({"state": json.loads(request.COOKIES["state"])})


def load_fixture(request):
    with open("/srv/fixtures/state.pickle", "rb") as fixture:
        return JsonResponse({"state": str(pickle.load(fixture))})


@app.post("/upload")
async def upload_file(file: UploadFile):
    return json.loads(await file.read())
