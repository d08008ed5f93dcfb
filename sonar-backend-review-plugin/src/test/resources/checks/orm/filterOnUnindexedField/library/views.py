from django.db.models import Q
from django.shortcuts import get_object_or_404

from library.models import Book, Dynamic, Event, ExternalRecord, Loan, Shelf
from library import models as library_models


def by_title(request):
    return Book.objects.filter(title=request.GET["title"])  # Noncompliant {{Filtering Book by "title" reads the whole table: add db_index=True to Book.title or an entry in Meta.indexes if this table grows and the query is frequent.}}
#                              ^^^^^


def repeated(title):
    # reported once per model field and file: a secondary location of the first use
    return Book.objects.filter(title__startswith=title)
#                              ^^^^^^^^^^^^^^^^^< {{Also filtered by "title" here}}


def first_by_status(request):
    return Book.objects.filter(status__in=["new", "used"]).first()  # Noncompliant
#                              ^^^^^^^^^^


def one_book(pages):
    return Book.objects.get(pages=pages)  # Noncompliant


def long_books(limit):
    qs = Book.objects.all()
    return qs.filter(pages__gte=limit)  # compliant: "pages" already reported in this file


def inherited(since):
    return Book.objects.filter(created__gte=since)  # Noncompliant {{Filtering Book by "created" reads the whole table: add db_index=True to Book.created or an entry in Meta.indexes if this table grows and the query is frequent.}}


def ordered_by_due():
    return Loan.objects.order_by("-due")[:20]  # Noncompliant {{Ordering Loan by "due" reads the whole table: add db_index=True to Loan.due or an entry in Meta.indexes if this table grows and the query is frequent.}}
#                                ^^^^^^


def shelf_room(room):
    return Shelf.objects.get_or_create(room=room, defaults={"code": room[:3]})  # Noncompliant
#                                      ^^^^


def through_module(prefix):
    return library_models.Book.objects.filter(format__startswith=prefix)  # Noncompliant


def by_volume(volume):
    return Book.objects.filter(volume=volume)  # Noncompliant
#                              ^^^^^^


def events_between(since, until):
    return Event.objects.filter(kind="login", at__gte=since, at__lt=until)  # Noncompliant {{Filtering Event by "kind", "at" reads the whole table: add an entry in Meta.indexes on "kind", "at" if this table grows and the query is frequent.}}
#                               ^^^^


def latest_events():
    return Event.objects.order_by("-at")  # compliant: "at" already reported in this file
