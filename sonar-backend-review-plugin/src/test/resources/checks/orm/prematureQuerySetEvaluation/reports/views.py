from django.http import JsonResponse
from django.shortcuts import render

from shop.models import Author, Book


def stats(request, author_id):
    author = Author.objects.get(pk=author_id)
    total = len(Book.objects.filter(author=author))  # Noncompliant {{Use count() on this queryset instead of len(): len() loads every row to count them.}}
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    if Book.objects.filter(author=author, title__startswith="A"):  # Noncompliant {{Use exists() instead of testing this queryset: testing it loads every row.}}
#      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        total += 1
    if not (Book.objects.exclude(author=author)):  # Noncompliant
        total -= 1
    has_tags = bool(Book.objects.filter(tags__label="x").distinct())  # Noncompliant
    label = "many" if Author.objects.filter(name__startswith="A").order_by("name") else "none"  # Noncompliant
    first = list(Book.objects.order_by("-created"))[0]  # Noncompliant {{Use first() on this queryset instead of list(...)[0]: list() loads every row to keep one.}}
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    while Book.objects.filter(title="").values("pk"):  # Noncompliant
        Book.objects.filter(title="")[:100].delete()
    return JsonResponse({"total": total, "tags": has_tags, "label": label, "first": first.pk})


# Compliant look-alikes

def compliant(request, author_id):
    books = Book.objects.filter(author_id=author_id)
    if books:  # evaluated once, then iterated from its cache
        for book in books:
            print(book.title)
    count = len(books)
    exists = Book.objects.filter(author_id=author_id).exists()
    number = Book.objects.filter(author_id=author_id).count()
    first = Book.objects.order_by("-created").first()
    top = list(Book.objects.order_by("-created")[:5])[0]
    recent = len(Book.objects.order_by("-created")[:10])
    rows = list(Book.objects.all())
    head = rows[0]
    manager_truthy = bool(Book.objects)
    stream = Book.objects.all().iterator()
    if stream:
        pass
    plain = [1, 2]
    if len(plain) and list(plain)[0]:
        pass
    return count, exists, number, first, top, recent, head, manager_truthy


def held_in_names(request, author_id):
    books = Book.objects.filter(author_id=author_id)
    total = len(books)  # Noncompliant {{Use count() on this queryset instead of len(): len() loads every row to count them.}}
#           ^^^^^^^^^^
    drafts = Book.objects.filter(author_id=author_id, title="")
    if drafts:  # Noncompliant {{Use exists() instead of testing this queryset: testing it loads every row.}}
#      ^^^^^^
        drafts.update(title="untitled")
    tagged = Book.objects.filter(tags__label="x")
    flag = bool(tagged)  # Noncompliant
    ordered = Book.objects.order_by("-created")
    newest = list(ordered)[0]  # Noncompliant {{Use first() on this queryset instead of list(...)[0]: list() loads every row to keep one.}}
    others = Book.objects.exclude(author_id=author_id)
    if others.count() > 0:  # Noncompliant {{Use exists() instead of comparing count() with 0: counting reads every matching row.}}
#      ^^^^^^^^^^^^^^^^^^
        total += others.filter(title="").count()
    if not Book.objects.filter(title="x").count() == 0:  # Noncompliant
        total += 1
    if 0 < Book.objects.filter(title="y").count():  # Noncompliant
        total += 1
    return JsonResponse({"total": total, "flag": flag, "newest": newest.pk})


# Compliant look-alikes: querysets in names whose rows are read later (from the cache), or that are not querysets

def iterated_after_test(request, author_id):
    books = Book.objects.filter(author_id=author_id)
    if not books:
        return JsonResponse({"books": []})
    return JsonResponse({"books": [b.title for b in books]})


def counted_then_iterated(request, author_id):
    books = Book.objects.filter(author_id=author_id)
    total = len(books)
    for book in books:
        print(book.title, total)
    if books.count() > 0:
        print(books[0])
    return total


def passed_to_template_after_test(request, author_id):
    books = Book.objects.filter(author_id=author_id)
    if books:
        return render(request, "books.html", {"books": books})
    return render(request, "empty.html")


def serialized_after_test(request, author_id):
    books = Book.objects.filter(author_id=author_id)
    if len(books) == 0:
        return JsonResponse({}, status=404)
    return JsonResponse(BookSerializer(books, many=True).data)


def reassigned(request, author_id):
    books = Book.objects.filter(author_id=author_id)
    if request.GET.get("recent"):
        books = books.order_by("-created")
    return len(books)


def not_querysets(request, author_id):
    rows = list(Book.objects.filter(author_id=author_id))
    ids = list(Book.objects.values_list("pk", flat=True))
    sliced = Book.objects.all()[:10]
    if rows and len(ids) and list(ids)[0] and len(sliced):
        return rows[0]
    return None


def count_used_as_number(request, author_id):
    books = Book.objects.filter(author_id=author_id)
    if books.count() > 10:
        return books.count()
    return Book.objects.count() - 1


def returned_after_test(author_id):
    books = Book.objects.filter(author_id=author_id)
    if books:
        return books
    return None


BOOKS = Book.objects.filter(title="")


def module_level_name():
    return len(BOOKS)


def parameter(books):
    return len(books)


class ReportTests:
    def test_filtered(self):
        books = Book.objects.filter(title="x")
        assert len(books) == 2

    def test_inline(self):
        assert len(Book.objects.filter(title="x")) == 2
        assert Book.objects.filter(title="y")
