from django.http import JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from fastapi import APIRouter, HTTPException, Response, status
from fastapi.responses import JSONResponse, RedirectResponse
from rest_framework.decorators import api_view
from rest_framework.response import Response as DrfResponse

router = APIRouter()


@router.post("/login")
async def login(username: str, password: str):
    user = authenticate(username, password)
    if user is None:
        return {"error": "invalid credentials"}  # Noncompliant {{Return this error with an HTTP error status (raise HTTPException or set the status code): it is sent with 200 OK.}}
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    return {"token": issue_token(user)}


@router.get("/items/{item_id}")
async def read_item(item_id: int):
    try:
        return load(item_id)
    except KeyError:
        return JSONResponse(content={"success": False, "message": "not found"})  # Noncompliant {{Pass an error status to this response ("status_code=400", ...) or raise HTTPException: it is sent with 200 OK.}}


@api_view(["POST"])
def drf_create(request):
    if not request.data:
        return DrfResponse({"errors": ["empty"]})  # Noncompliant {{Pass an error status to this Response ("status=status.HTTP_400_BAD_REQUEST", ...): it is sent with 200 OK.}}
    return DrfResponse({"ok": True}, status=201)


@router.post("/jobs", status_code=status.HTTP_202_ACCEPTED)
async def submit_job(payload: dict):
    if not payload:
        return {"status": "error"}  # Noncompliant {{Return this error with an HTTP error status (raise HTTPException or set the status code): it is sent with 202.}}
    return {"status": "queued"}


@require_POST
def django_view(request):
    if not request.body:
        return JsonResponse({"error": "POST only"})  # Noncompliant {{Pass an error status to this JsonResponse ("status=400", ...): it is sent with 200 OK.}}
    return redirect("/done")


# Compliant look-alikes

# a route that redirects: its status is not 200
@router.post("/form", status_code=303)
async def post_form(payload: dict):
    if not payload:
        return {"error": "empty"}
    return {"ok": True}


@router.get("/legacy", response_class=RedirectResponse)
async def legacy():
    return {"error": "moved"}


@router.post("/validate", status_code=status.HTTP_422_UNPROCESSABLE_ENTITY)
async def validate_only(payload: dict):
    return {"errors": ["always"]}


@router.post("/login2")
async def login2(username: str, password: str):
    user = authenticate(username, password)
    if user is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    return {"token": issue_token(user), "error": None}


@router.get("/items2/{item_id}")
async def read_item2(item_id: int):
    try:
        return load(item_id)
    except KeyError:
        return JSONResponse(status_code=404, content={"error": "not found"})


@router.get("/items3/{item_id}")
async def read_item3(item_id: int, response: Response):
    response.status_code = 404
    return {"error": "not found"}


@api_view(["POST"])
def drf_create2(request):
    if not request.data:
        return DrfResponse({"errors": ["empty"]}, status=400)
    return DrfResponse({"ok": True})


def not_a_view():
    return {"error": "internal helper result"}


def validation_report(request):
    errors = ""
    try:
        validate(request.body)
    except ValueError as e:
        errors = str(e)
    # a validation report: "errors" may be empty, the request itself succeeded
    return JsonResponse({"result": "failure" if errors else "success", "errors": errors})
