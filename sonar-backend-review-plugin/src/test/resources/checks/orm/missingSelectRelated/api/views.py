from django.db.models import Prefetch
from django.http import JsonResponse

from shop.models import Book, Chapter
from shop import models as shop_models


def book_list(request):
    books = Book.objects.filter(title__icontains=request.GET.get("q", ""))
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^> {{Queryset without select_related("author")}}
    rows = []
    for book in books:
        rows.append({"title": book.title, "author": book.author.name})  # Noncompliant {{Add select_related("author") to this queryset: reading "book.author" here runs one query per item.}}
#                                                   ^^^^^^^^^^^
    return JsonResponse({"rows": rows})


def author_ids(request):
    return JsonResponse({"ids": [book.author.id for book in Book.objects.all()]})  # Noncompliant {{Read "book.author_id" instead: "book.author.id" loads the related row once per item.}}
#                                ^^^^^^^^^^^^^^


def chapters(request):
    data = []
    for index, chapter in enumerate(Chapter.objects.order_by("number")):
        data.append((index, chapter.book.title, chapter.book.author_id))  # Noncompliant
#                           ^^^^^^^^^^^^
    return JsonResponse({"data": data})


def editors(request):
    qs = shop_models.Book.objects.exclude(editor=None)
    if request.GET.get("recent"):
        qs = qs.order_by("-created")
    return JsonResponse({"editors": {b.pk: str(b.editor) for b in qs}})  # Noncompliant


def deep(request):
    books = Book.objects.select_related("author")
    return JsonResponse({"names": [b.author.publisher.name for b in books]})  # the second hop is not known: silent


def compare_owner(request):
    for book in Book.objects.filter(title="x")[:20]:
        if book.created_by == request.user:  # Noncompliant
            book.delete()


# Compliant look-alikes

def selected(request):
    return JsonResponse({"names": [b.author.name for b in Book.objects.select_related("author")]})


def selected_deeper(request):
    return JsonResponse({"names": [b.author.name for b in Book.objects.select_related("author__publisher")]})


def selected_later(request):
    books = Book.objects.filter(title__startswith="A")
    books = books.select_related("author", "editor")
    return JsonResponse({"names": [(b.author.name, b.editor.name) for b in books]})


def selected_on_one_branch(request):
    books = Book.objects.all()
    if request.GET.get("authors"):
        books = books.select_related("author")
    return JsonResponse({"names": [b.author.name for b in books]})


def selected_everything(request):
    return JsonResponse({"names": [b.author.name for b in Book.objects.select_related()]})


def prefetched_fk(request):
    return JsonResponse({"names": [b.author.name for b in Book.objects.prefetch_related("author")]})


def manager_selects(request):
    return JsonResponse({"names": [b.author.name for b in Book.with_authors.all()]})


def values_rows(request):
    return JsonResponse({"names": [row["author__name"] for row in Book.objects.values("author__name")]})


def fk_id(request):
    return JsonResponse({"ids": [b.author_id for b in Book.objects.all()]})


def plain_fields(request):
    return JsonResponse({"titles": [(b.title, b.summary, b.cache) for b in Book.objects.all()]})


def first_match(request):
    for book in Book.objects.all():
        if book.title == request.GET["title"]:
            return JsonResponse({"author": book.author.name})
    return JsonResponse({})


def assigned(request, author):
    for book in Book.objects.all():
        book.author = author
        book.save()


def reassigned_relation(request, default_author):
    for book in Book.objects.filter(author=None):
        book.author = default_author
        if book.author.name:
            book.save()


def parameter_queryset(books):
    return [b.author.name for b in books]


def custom_queryset_method(request):
    return [b.author.name for b in Book.objects.by_author("x")]


def rebound(request):
    for book in Book.objects.all():
        book = Book.objects.select_related("author").get(pk=book.pk)
        print(book.author.name)


def nested_function(request):
    for book in Book.objects.all():
        def later():
            return book.author.name
        yield later
