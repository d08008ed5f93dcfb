import ast
import json

from django.http import JsonResponse
from fastapi import FastAPI
from rest_framework.decorators import api_view
from rest_framework.response import Response

app = FastAPI()


def calculate(request):
    expression = request.GET.get("expr", "0")
    return JsonResponse({"result": eval(expression)})  # Noncompliant {{Do not execute the request parameter "expr" (line 13) as Python code; parse it as data (json.loads, ast.literal_eval) instead.}}


@api_view(["POST"])
def run_rule(request):
    exec(request.data["rule"], {})  # Noncompliant
    return Response({})


@app.post("/filter")
def filter_items(condition: str):
    predicate = compile(f"lambda item: {condition}", "<filter>", "eval")  # Noncompliant
    return {"predicate": str(predicate)}


# Compliant look-alikes

def calculate_literal(request):
    return JsonResponse({"result": ast.literal_eval(request.GET.get("expr", "0"))})


def parse_json(request):
    return JsonResponse({"result": json.loads(request.body)})


def constant_code(request):
    return JsonResponse({"result": eval("1 + 1")})


@app.get("/square")
def square(n: int):
    return {"result": eval(f"{n} * {n}")}
