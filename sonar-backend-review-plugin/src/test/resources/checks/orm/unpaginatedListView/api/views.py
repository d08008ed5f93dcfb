from rest_framework import generics, viewsets
from rest_framework.mixins import ListModelMixin
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from api.base import AuditedListView, PaginatedListView
from shop.models import Author, Book


class BookSerializerStub:
    pass


class BookList(generics.ListAPIView):  # Noncompliant {{Set "pagination_class" on BookList (or DEFAULT_PAGINATION_CLASS in the REST_FRAMEWORK settings): its list returns every row of the queryset in one response.}}
#     ^^^^^^^^
    queryset = Book.objects.filter(title__isnull=False)
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^< {{Listed without a bound}}
    serializer_class = BookSerializerStub


class AuthorViewSet(viewsets.ModelViewSet):  # Noncompliant
    serializer_class = BookSerializerStub

    def get_queryset(self):
        return Author.objects.order_by("name")


class AuthorMixinViewSet(ListModelMixin, GenericViewSet):  # Noncompliant
    queryset = Author.objects.all()


# Compliant look-alikes

class AuditedBooks(AuditedListView):
    # silent: the project base class derives from a DRF class the analysis cannot read, which may set pagination_class
    queryset = Book.objects.all()


class PagedBooks(generics.ListAPIView):
    queryset = Book.objects.all()
    pagination_class = CursorPagination


class ExplicitlyUnpaginated(generics.ListAPIView):
    # an explicit decision, visible in review
    queryset = Book.objects.all()
    pagination_class = None


class InheritedPagination(PaginatedListView):
    queryset = Book.objects.all()


class RecentBooks(generics.ListAPIView):
    queryset = Book.objects.order_by("-created")[:20]


class CustomList(viewsets.ReadOnlyModelViewSet):
    queryset = Book.objects.all()

    def list(self, request):
        return Response({"count": self.get_queryset().count()})


class BookDetail(generics.RetrieveAPIView):
    queryset = Book.objects.all()


class UnknownQuerySet(generics.ListAPIView):
    def get_queryset(self):
        return self.request.user.books_for_display()
