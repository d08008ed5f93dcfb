import csv

from django.db import models
from django.db.models import Count, F

from shop.models import Author, Book, Chapter, Tag


def import_books(path):
    with open(path) as handle:
        for row in csv.DictReader(handle):
#       ^^^> {{Loop over the lines of a file, running it once per item}}
            author = Author.objects.get(name=row["author"])  # Noncompliant {{Fetch these rows in one query before the loop (in_bulk() or filter(...__in=...)): this get() runs once per item. The loop runs 1 other query per item.}}
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            Book.objects.create(title=row["title"], author=author)
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^< {{Also runs once per item}}


def retitle(prefix):
    for book in Book.objects.filter(title__startswith="draft"):
#   ^^^> {{Loop over the rows of a Book queryset, running it once per item}}
        book.title = prefix + book.title
        book.save()  # Noncompliant {{Update these rows together after the loop with bulk_update() or a queryset update(): this save() runs one query per item.}}
#       ^^^^^^^^^^^


def purge(request):
    for pk in request.POST.getlist("ids"):
        Book.objects.filter(pk=pk).delete()  # Noncompliant


def tag_all(book, form):
    for label in form.cleaned_data["labels"]:
        tag, _ = Tag.objects.get_or_create(label=label)  # Noncompliant
        book.tags.add(tag)


def counts():
    return {a.pk: Book.objects.filter(author=a).count() for a in Author.objects.all()}  # Noncompliant


def find_first(request):
    for title in request.GET.getlist("title"):
        if Book.objects.filter(title=title).exists():  # Noncompliant
            return title
    return None


def renumber(book):
    for number, chapter in enumerate(Chapter.objects.filter(book=book)):
        Chapter.objects.filter(pk=chapter.pk).update(number=number)  # Noncompliant


def chapters_of(book):
    for chapter in book.chapter_set.all():
        Tag.objects.filter(label=chapter.number).delete()  # Noncompliant


def selected(modeladmin, request, queryset):
    for author in queryset.filter(name__startswith="a"):
        Book.objects.filter(author=author).delete()  # Noncompliant


def remove_out_of_limit(title, limit):
    books = Book.objects.filter(title=title)
    out_of_limit = books.count() - limit
    if out_of_limit > 0:
        # the cut grows with the rows: as many deletes as rows above the limit
        for book in books[:out_of_limit]:
            book.delete()  # Noncompliant


def compare_chapters(book, other):
    chapters = book.chapter_set.all().exclude(number=0)
    common = chapters.filter(title__in=other.chapter_set.values_list("title", flat=True))
    for chapter in common:
        Tag.objects.get(label=chapter.title)  # Noncompliant


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


def purge_from_command_line(ids):
    # the ids typed on the command line: a handful, deliberately one by one
    for pk in ids:
        Book.objects.filter(pk=pk).delete()


def counts_of(authors):
    return {a.pk: Book.objects.filter(author=a).count() for a in authors}


def first_five():
    for book in Book.objects.order_by("title")[:5]:
        Chapter.objects.filter(book=book).count()


def first_page(limit):
    # a cut the caller chose, not a share of the rows
    for book in Book.objects.order_by("title")[:limit * 2]:
        Chapter.objects.filter(book=book).count()


def from_unknown(rows):
    narrowed = rows.filter(title="x")
    for book in narrowed:
        Chapter.objects.filter(book=book).count()


def cancel_each(queryset):
    for book in queryset:
        # lock the rows one by one
        book = Book.objects.select_for_update().get(pk=book.pk)
        book.title = "cancelled"


class Audited(models.Model):
    name = models.CharField(max_length=10)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)


def touch_all():
    for audited in Audited.objects.all():
        audited.save()


class Session(models.Model):
    key = models.CharField(max_length=40)

    def logout(self):
        pass


def clean_sessions():
    # per-item logic of the model (logout) goes with each delete: a queryset delete() would skip it
    for session in Session.objects.all():
        session.logout()
        session.delete()


def clean_sessions_of(keys):
    for session in Session.objects.filter(key__startswith="x"):
        Session.objects.filter(key=session.key).delete()  # Noncompliant
