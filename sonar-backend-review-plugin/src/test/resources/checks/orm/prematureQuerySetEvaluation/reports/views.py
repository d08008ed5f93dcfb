from django.http import JsonResponse

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
