import csv

from django.db.models import Count, F

from shop.models import Author, Book, Chapter, Tag


def import_books(path):
    with open(path) as handle:
        for row in csv.DictReader(handle):
            author = Author.objects.get(name=row["author"])  # Noncompliant {{Fetch these rows in one query before the loop (in_bulk() or filter(...__in=...)): this get() runs once per item.}}
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            Book.objects.create(title=row["title"], author=author)  # Noncompliant {{Collect the objects and insert them with bulk_create() after the loop: this create() runs one INSERT per item.}}


def retitle(prefix):
    for book in Book.objects.filter(title__startswith="draft"):
#   ^^^> {{Loop running it once per item}}
        book.title = prefix + book.title
        book.save()  # Noncompliant {{Update these rows together after the loop with bulk_update() or a queryset update(): this save() runs one query per item.}}
#       ^^^^^^^^^^^


def purge(ids):
    for pk in ids:
        Book.objects.filter(pk=pk).delete()  # Noncompliant


def tag_all(book, labels):
    for label in labels:
        tag, _ = Tag.objects.get_or_create(label=label)  # Noncompliant
        book.tags.add(tag)


def counts(authors):
    return {a.pk: Book.objects.filter(author=a).count() for a in authors}  # Noncompliant


def find_first(titles):
    for title in titles:
        if Book.objects.filter(title=title).exists():  # Noncompliant
            return title
    return None


def renumber(book):
    for number, chapter in enumerate(Chapter.objects.filter(book=book)):
        Chapter.objects.filter(pk=chapter.pk).update(number=number)  # Noncompliant


# Compliant look-alikes

def import_books_in_bulk(rows):
    authors = Author.objects.in_bulk([row["author"] for row in rows], field_name="name")
    Book.objects.bulk_create([Book(title=row["title"], author=authors[row["author"]]) for row in rows])


def retitle_in_bulk(prefix):
    books = list(Book.objects.filter(title__startswith="draft"))
    for book in books:
        book.title = prefix + book.title
    Book.objects.bulk_update(books, ["title"])


def fixed_set():
    for label in ("red", "green", "blue"):
        Tag.objects.get_or_create(label=label)


def first_match(titles):
    for title in titles:
        if title:
            return Book.objects.get(title=title)
    return None


def constant_query(ids):
    for pk in ids:
        total = Book.objects.count()
        print(pk, total)


def polling():
    while not Book.objects.filter(title="done").exists():
        pass


def annotated_counts():
    return {a.pk: a.n for a in Author.objects.annotate(n=Count("books"))}


def bump_all():
    Book.objects.update(title=F("title"))
