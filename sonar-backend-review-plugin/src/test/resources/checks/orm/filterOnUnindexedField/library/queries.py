from django.db.models import Q
from django.shortcuts import get_object_or_404

from library.models import Book, Dynamic, Event, ExternalRecord, Loan, Shelf
from library import models as library_models


# ---- compliant look-alikes -------------------------------------------------------------------------------------------

def indexed_lookups(request):
    Book.objects.get(pk=1)
    Book.objects.get(id=2)
    Book.objects.filter(isbn=request.GET["isbn"])
    Book.objects.filter(sku__in=["a", "b"])
    Book.objects.filter(slug="x")
    Book.objects.filter(touched__lt=request.GET["t"])
    Book.objects.filter(shelf=request.GET["shelf"])
    Book.objects.filter(shelf_id=3)
    Book.objects.filter(shelf__in=[1, 2])
    Shelf.objects.get(code="A1")


def meta_indexes(request):
    Book.objects.filter(published__year=2020)
    Book.objects.filter(language="en")
    Book.objects.order_by("-published")
    Book.objects.get(edition=2, title="x")
    Book.objects.filter(edition=2).order_by("pages")
    Book.objects.filter(series="a").order_by("title")


def narrowed_by_an_indexed_field(request, shelf):
    Loan.objects.filter(book=request.GET["book"], due__lt=request.GET["d"])
    Shelf.objects.get(code="A1").books.filter(summary="x")
    Book.objects.filter(shelf=shelf).filter(title=4)
    Book.objects.filter(title=5).filter(shelf=shelf)
    Book.objects.filter(title=6).order_by("isbn")


def not_index_friendly(request):
    Book.objects.filter(summary__icontains=request.GET["q"])
    Book.objects.filter(summary="x")
    Book.objects.filter(available=True)
    Book.objects.exclude(title=7)
    Book.objects.filter(Q(title=8) | Q(pages=2))
    Book.objects.filter(**request.GET.dict())
    Book.objects.filter(shelf__room="A")
    Book.objects.order_by("shelf__room")
    Book.objects.order_by("?")
    Book.objects.filter(title__iexact="1")
    Book.objects.annotate(n=Q()).filter(n=1)


def unknown_models(request, model):
    ExternalRecord.objects.filter(reference="x")
    Dynamic.objects.filter(name="x")
    model.objects.filter(anything=1)
    get_object_or_404(Book, title=9)


class LoanTests:
    def test_by_room(self):
        # compliant: test fixtures are small tables
        assert Shelf.objects.filter(room="B2").count() == 1
