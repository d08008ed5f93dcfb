from django.db.models import Count, Prefetch
from django.http import JsonResponse

from shop.models import Author, Book, Chapter, Tag


def books_with_tags(request):
    books = Book.objects.filter(title__icontains=request.GET.get("q", ""))
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^> {{Queryset without prefetch_related("tags")}}
    data = []
    for book in books:
        data.append({"title": book.title, "tags": [t.label for t in book.tags.all()]})  # Noncompliant {{Add prefetch_related("tags") to this queryset: "book.tags.all()" runs one query per item.}}
#                                                                   ^^^^^^^^^^^^^^^
    return JsonResponse({"data": data})


def authors(request):
    return JsonResponse({a.name: a.books.count() for a in Author.objects.all()})  # Noncompliant {{Annotate this queryset with the count (annotate(books_count=Count("books"))): "a.books.count()" runs one query per item.}}


def chapters(request):
    rows = []
    for book in Book.objects.order_by("title"):
        rows.append([c.number for c in book.chapter_set.all()])  # Noncompliant
    return JsonResponse({"rows": rows})


def filtered_even_if_prefetched(request):
    rows = []
    for author in Author.objects.prefetch_related("books"):
        rows.append(list(author.books.filter(title__startswith="A")))  # Noncompliant {{Move this per-item query out of the loop: "author.books.filter()" queries the database for every item, even with prefetch_related(); prefetch a filtered Prefetch("books", queryset=...) or annotate the value.}}
    return JsonResponse({"rows": rows})


def popular_tags(request):
    return [(tag.label, tag.book_set.exists()) for tag in Tag.objects.all()[:50]]  # Noncompliant


# Compliant look-alikes

def prefetched(request):
    books = Book.objects.prefetch_related("tags", "chapter_set")
    return JsonResponse({b.title: ([t.label for t in b.tags.all()], b.chapter_set.count()) for b in books})


def prefetched_with_prefetch_object(request):
    authors = Author.objects.prefetch_related(Prefetch("books", queryset=Book.objects.order_by("title")))
    return JsonResponse({a.name: [b.title for b in a.books.all()] for a in authors})


def annotated(request):
    return JsonResponse({a.name: a.num_books for a in Author.objects.annotate(num_books=Count("books"))})


def prefetched_to_attr(request):
    authors = Author.objects.prefetch_related(Prefetch("books", to_attr="book_list"))
    return JsonResponse({a.name: [b.title for b in a.book_list] for a in authors})


def model_method(request):
    return [list(b.sorted_chapters()) for b in Book.objects.all()]


def values_rows(request):
    return [row for row in Book.objects.values("title", "tags__label")]


def write_not_read(request, tag):
    for book in Book.objects.all():
        book.tags.add(tag)


def outside_loop(request, pk):
    author = Author.objects.get(pk=pk)
    return [b.title for b in author.books.all()]


def single_pass(request):
    for author in Author.objects.all():
        return JsonResponse({"count": author.books.count()})


def declared_attribute(request):
    return [b.cache.get("x") for b in Book.objects.all()]
