from django.core import serializers as django_serializers
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views import View
from fastapi import APIRouter
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from shop.models import Author, Book, Tag
from api.serializers import BookSerializer

router = APIRouter()


def book_list(request):
    books = Book.objects.all()
#           ^^^^^^^^^^^^> {{Queryset without a filter or a limit}}
    return JsonResponse([{"title": b.title} for b in books], safe=False)  # Noncompliant {{Paginate or slice this list of every "Book" row: the response grows with the table.}}
#                                                    ^^^^^


def author_page(request):
    return render(request, "authors.html", {"authors": Author.objects.order_by("name"), "title": "Authors"})  # Noncompliant


def book_dump(request):
    return JsonResponse(list(Book.objects.values("id", "title")), safe=False)  # Noncompliant


def book_export(request):
    return JsonResponse(django_serializers.serialize("json", Book.objects.all()), safe=False)  # Noncompliant


class BookView(View):
    def get(self, request):
        return JsonResponse({"books": list(Book.objects.select_related("author").values_list("title", flat=True))})  # Noncompliant


class BookApi(APIView):
    def get(self, request):
        return Response(BookSerializer(Book.objects.all(), many=True).data)  # Noncompliant


@api_view(["GET"])
def tag_list(request):
    return Response([t.label for t in Tag.objects.all()])  # Noncompliant


@router.get("/books")
def fastapi_books():
    return list(Book.objects.all())  # Noncompliant


# Compliant look-alikes below.

def book_page(request):
    paginator = Paginator(Book.objects.all(), 25)
    return render(request, "books.html", {"page": paginator.get_page(request.GET.get("page"))})


def latest_books(request):
    return JsonResponse([b.title for b in Book.objects.order_by("-created")[:20]], safe=False)


def author_books(request, author_id):
    return JsonResponse([b.title for b in Book.objects.filter(author_id=author_id)], safe=False)


def book_count(request):
    return JsonResponse({"count": Book.objects.all().count()})


def tags_of(request, book_id):
    book = Book.objects.get(pk=book_id)
    return JsonResponse([t.label for t in book.tags.all()], safe=False)  # a related set, bounded by its parent


class OneBook(APIView):
    def get(self, request, pk):
        return Response(BookSerializer(Book.objects.get(pk=pk)).data)


def helper_not_a_view(rows):
    return [b.title for b in Book.objects.all()]


@router.get("/count")
def fastapi_count():
    return {"count": Book.objects.count()}
