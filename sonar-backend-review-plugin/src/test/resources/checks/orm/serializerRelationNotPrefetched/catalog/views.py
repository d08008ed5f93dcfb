from django.db.models import Prefetch
from rest_framework import generics, viewsets
from rest_framework.mixins import ListModelMixin
from rest_framework.viewsets import GenericViewSet

from catalog.serializers import (AuthorWithBooksSerializer, BookLinkSerializer, BookRowSerializer, BookSerializer,
                                 ChildBookSerializer, DeepSerializer, PlainBookSerializer)
from shop.models import Author, Book


class BookList(generics.ListAPIView):
    queryset = Book.objects.filter(title__isnull=False)  # Noncompliant 2
    serializer_class = BookSerializer


class BookViewSet(viewsets.ModelViewSet):
    serializer_class = BookRowSerializer

    def get_queryset(self):
        return Book.objects.select_related("created_by")  # Noncompliant 5


class PlainBooks(generics.ListAPIView):
    queryset = Book.objects.all()  # Noncompliant {{Add select_related("author") to this queryset: PlainBookSerializer reads "author" of every listed item (one query per item).}}
    serializer_class = PlainBookSerializer


class BookActionsViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.all()  # Noncompliant 2

    def get_serializer_class(self):
        if self.action == "list":
            return BookSerializer
        return PlainBookSerializer


class AuthorViewSet(ListModelMixin, GenericViewSet):
    queryset = Author.objects.all()  # Noncompliant 2
    serializer_class = AuthorWithBooksSerializer


class BookLinks(generics.ListAPIView):
    # the hyperlink to the author is built from author.name; editor and created_by links only need the "<fk>_id" column
    queryset = Book.objects.all()  # Noncompliant {{Add select_related("author") to this queryset: BookLinkSerializer reads "author" of every listed item (one query per item).}}
    serializer_class = BookLinkSerializer


# Compliant look-alikes (BookRowsLoaded loads every relation, but a filter() per item cannot be prefetched)

class BookListLoaded(generics.ListAPIView):
    queryset = Book.objects.select_related("author").prefetch_related(Prefetch("tags"))
    serializer_class = BookSerializer


class BookRowsLoaded(generics.ListAPIView):
    serializer_class = BookRowSerializer

    def get_queryset(self):
        qs = Book.objects.select_related("author", "editor", "created_by")
        return qs.prefetch_related("tags", "chapter_set")  # Noncompliant {{BookRowSerializer runs "chapter_set.filter()" for every listed item, even with prefetch_related(): annotate the value on this queryset or prefetch a filtered Prefetch("chapter_set", queryset=...).}}


class DeepBooks(generics.ListAPIView):
    queryset = Book.objects.all()
    serializer_class = DeepSerializer


class BookDetail(generics.RetrieveAPIView):
    queryset = Book.objects.all()
    serializer_class = BookSerializer


class DynamicSerializer(generics.ListAPIView):
    queryset = Book.objects.all()

    def get_serializer_class(self):
        return BookSerializer


class ListLoadedViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.select_related("author").prefetch_related("tags")

    def get_serializer_class(self):
        if self.action == "list":
            return BookSerializer
        return PlainBookSerializer


class OtherModel(generics.ListAPIView):
    queryset = Author.objects.all()
    serializer_class = BookSerializer


class ChildBooks(generics.ListAPIView):
    # "tags" is declared by the base serializer as a plain column read, not the many-to-many field
    queryset = Book.objects.all()
    serializer_class = ChildBookSerializer
