from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from shop.models import Author, Book


def book_detail(request, pk):
    book = Book.objects.get(pk=pk)  # Noncompliant {{Handle Book.DoesNotExist or use get_object_or_404(): a missing row makes this view answer 500 instead of 404.}}
#          ^^^^^^^^^^^^^^^^^^^^^^^
    return JsonResponse({"title": book.title})


def search(request):
    author = Author.objects.filter(name__startswith="A").get(name=request.GET["name"])  # Noncompliant
    return JsonResponse({"id": author.pk})


@api_view(["GET"])
def latest_by(request, author_id):
    book = Book.objects.filter(author_id=author_id).latest("created")  # Noncompliant
    return Response({"title": book.title})


class BookView(View):
    def get(self, request, *args, **kwargs):
        book = Book.objects.get(pk=self.kwargs["pk"])  # Noncompliant
        return JsonResponse({"title": book.title})


class BookApi(APIView):
    def put(self, request, pk):
        book = Book.objects.get(pk=request.data["id"])  # Noncompliant
        return Response({"title": book.title})


# Compliant look-alikes

def with_shortcut(request, pk):
    return JsonResponse({"title": get_object_or_404(Book, pk=pk).title})


def handled(request, pk):
    try:
        book = Book.objects.get(pk=pk)
    except Book.DoesNotExist:
        raise Http404("no book")
    return JsonResponse({"title": book.title})


def handled_broadly(request, pk):
    try:
        return JsonResponse({"title": Book.objects.get(pk=pk).title})
    except ObjectDoesNotExist:
        return JsonResponse({}, status=404)


def first_instead(request, pk):
    book = Book.objects.filter(pk=pk).first()
    return JsonResponse({"found": book is not None})


def current_user(request):
    author = Author.objects.get(name=request.user.username)
    return JsonResponse({"id": author.pk})


def constant_lookup(request):
    return JsonResponse({"id": Author.objects.get(name="admin").pk})


def helper(pk):
    return Book.objects.get(pk=pk)
