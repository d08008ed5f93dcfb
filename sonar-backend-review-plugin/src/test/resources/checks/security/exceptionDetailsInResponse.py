import logging
import traceback

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from rest_framework.response import Response

logger = logging.getLogger(__name__)
router = APIRouter()


def export(request):
    try:
        return JsonResponse(build_export(request.user))
    except Exception as e:
        return JsonResponse({"error": str(e)}, status=500)  # Noncompliant {{Send a generic error message instead of "e": exception text reveals internals (queries, paths, hosts, versions) to the client; log it on the server.}}
#                                         ^


@router.post("/payments")
async def pay(order: dict):
    try:
        return await charge(order)
    except Exception as exc:
        raise HTTPException(status_code=500, detail=f"Payment failed: {exc}")  # Noncompliant


def report(request):
    try:
        return HttpResponse(run_report())
    except:
        return HttpResponse(traceback.format_exc(), status=500)  # Noncompliant


class OrderView:
    def post(self, request):
        try:
            save(request.data)
        except DatabaseError as error:
            message = "Could not save: " + str(error)
            return Response({"detail": message}, status=500)  # Noncompliant
        except (KeyError, OSError) as error:
            return Response({"detail": error.args}, status=500)  # Noncompliant


@router.get("/items")
def items():
    try:
        return load()
    except Exception as e:
        return JSONResponse(status_code=500, content={"error": repr(e)})  # Noncompliant


# Compliant look-alikes

def export_generic(request):
    try:
        return JsonResponse(build_export(request.user))
    except Exception:
        logger.exception("export failed")
        return JsonResponse({"error": "The export failed."}, status=500)


@router.post("/orders")
def create_order(order: dict):
    try:
        return parse(order)
    except ValidationError as e:  # written for the client
        raise HTTPException(status_code=422, detail=str(e))
    except ValueError as e:
        raise HTTPException(status_code=400, detail=str(e))


def status(request):
    try:
        return JsonResponse(load())
    except Exception as e:
        logger.error("failed: %s", e)
        return JsonResponse({"error": type(e).__name__, "code": getattr(e, "code", None)}, status=500)


def debug_page(request):
    try:
        return HttpResponse(run_report())
    except Exception as e:
        if settings.DEBUG:
            return HttpResponse(str(e), status=500)
        return HttpResponse("error", status=500)


def last_chance(request):
    try:
        return run_report()
    except Exception:
        return HttpResponse(traceback.format_exc() if settings.DEBUG else "Internal Server Error", status=500)


def test_export_fails():
    try:
        export(None)
    except Exception as e:
        JsonResponse({"error": str(e)})


def build_export(user):
    return {}


async def charge(order):
    return order


def run_report():
    return ""


def save(data):
    pass


def load():
    return {}


def parse(order):
    return order
