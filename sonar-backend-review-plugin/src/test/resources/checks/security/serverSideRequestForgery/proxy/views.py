from urllib.parse import urlparse
from urllib.request import urlopen

import httpx
import requests
from django.conf import settings
from django.http import JsonResponse
from fastapi import FastAPI
from rest_framework.decorators import api_view
from rest_framework.response import Response

app = FastAPI()
ALLOWED_HOSTS = {"api.example.com", "cdn.example.com"}


def fetch(request):
    url = request.GET["url"]
    response = requests.get(url, timeout=5)  # Noncompliant {{Do not let the request parameter "url" (line 17) choose the host of this outgoing request; check it against an allow-list of hosts.}}
    return JsonResponse({"status": response.status_code})


def avatar(request):
    host = request.GET.get("host")
    data = urlopen(f"https://{host}/avatar.png").read()  # Noncompliant
    return JsonResponse({"size": len(data)})


@api_view(["POST"])
def webhook_test(request):
    with httpx.Client() as client:
        client.post(request.data["callback"], json={"ping": True})  # Noncompliant
    return Response({})


@app.get("/preview")
async def preview(target: str):
    async with httpx.AsyncClient() as client:
        response = await client.get("https://" + target)  # Noncompliant
    return {"status": response.status_code}


# Compliant look-alikes

def fetch_item(request):
    item_id = request.GET["id"]
    response = requests.get(f"https://api.example.com/items/{item_id}", timeout=5)
    other = requests.get(settings.INVENTORY_URL + "/items/" + item_id, timeout=5)
    return JsonResponse({"status": response.status_code + other.status_code})


def fetch_allow_listed(request):
    url = request.GET["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        return JsonResponse({"error": "host not allowed"}, status=400)
    response = requests.get(url, timeout=5)
    return JsonResponse({"status": response.status_code})


@app.get("/items/{item_id}")
async def item(item_id: str):
    async with httpx.AsyncClient(base_url="https://api.example.com") as client:
        response = await client.get(f"/items/{item_id}")
    return {"status": response.status_code}


@app.get("/search")
def search(q: str):
    return requests.get("https://api.example.com/search", params={"q": q}, timeout=5).json()
