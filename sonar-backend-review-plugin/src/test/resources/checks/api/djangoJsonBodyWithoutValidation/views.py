import json

import jsonschema
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from .forms import ArticleForm
from .models import Article

ARTICLE_SCHEMA = {"type": "object"}


def create_article(request):
    data = json.loads(request.body)  # Noncompliant {{Validate this JSON body with a Django form, a DRF serializer or a schema before writing its fields: "data["title"]" is stored as sent.}}
#          ^^^^^^^^^^^^^^^^^^^^^^^^
    article = Article.objects.create(title=data["title"], body=data.get("body", ""))
#                                          ^^^^^^^^^^^^^<      ^^^^^^^^^^^^^^^^^^^^<
    return JsonResponse({"id": article.pk})


def rename_article(request, pk):
    payload = json.loads(request.body.decode("utf-8"))  # Noncompliant
    article = get_object_or_404(Article, pk=pk)
    article.title = payload.get("title")
    article.save()
    return JsonResponse({})


def create_via_local(request):
    data = json.loads(request.body)  # Noncompliant
    title = data["title"]
    Article.objects.create(title=title)
    return JsonResponse({})


class ArticleView(View):
    def post(self, request):
        data = json.loads(self.request.body)  # Noncompliant
        Article(title=data["title"]).save()
        return JsonResponse({})


# Compliant look-alikes

def create_with_form(request):
    data = json.loads(request.body)
    form = ArticleForm(data)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    Article.objects.create(title=data["title"])
    return JsonResponse({})


def create_with_schema(request):
    data = json.loads(request.body)
    jsonschema.validate(data, ARTICLE_SCHEMA)
    Article.objects.create(title=data["title"])
    return JsonResponse({})


def create_with_type_checks(request):
    data = json.loads(request.body)
    if not isinstance(data.get("title"), str):
        return JsonResponse({}, status=400)
    Article.objects.create(title=data["title"])
    return JsonResponse({})


def create_with_conversion(request):
    data = json.loads(request.body)
    count = int(data["count"])
    Article.objects.filter(pk=count).exists()
    return JsonResponse({})


def read_only_use(request):
    data = json.loads(request.body)
    articles = Article.objects.filter(title=data["title"])
    return JsonResponse({"n": articles.count()})


def mass_assignment_is_another_rule(request):
    data = json.loads(request.body)
    Article.objects.create(**data)
    return JsonResponse({})


def not_the_request(request, other):
    data = json.loads(other.body)
    Article.objects.create(title=data["title"])
    return JsonResponse({})


def full_clean_before_save(request, pk):
    data = json.loads(request.body)
    article = get_object_or_404(Article, pk=pk)
    article.title = data["title"]
    article.full_clean()
    article.save()
    return JsonResponse({})
