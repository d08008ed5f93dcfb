from django.db import models
from django.db.models import Index, UniqueConstraint


class Timestamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    touched = models.DateTimeField(db_index=True)

    class Meta:
        abstract = True


class Shelf(models.Model):
    code = models.CharField(max_length=10, unique=True)
    room = models.CharField(max_length=20)


class Book(Timestamped):
    title = models.CharField(max_length=200)
    isbn = models.CharField(max_length=13, unique=True)
    sku = models.CharField(max_length=20, db_index=True)
    slug = models.SlugField()
    status = models.CharField(max_length=10)
    pages = models.IntegerField()
    published = models.DateField()
    language = models.CharField(max_length=5)
    edition = models.IntegerField()
    summary = models.TextField()
    available = models.BooleanField(default=True)
    series = models.CharField(max_length=50)
    volume = models.IntegerField()
    format = models.CharField(max_length=10)
    shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE, related_name="books")

    class Meta:
        indexes = [Index(fields=["-published", "title"]), models.Index(fields=["language"], name="book_language")]
        unique_together = [("series", "volume")]
        constraints = [UniqueConstraint(fields=["edition", "title"], name="edition_title")]


class Loan(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    borrower = models.CharField(max_length=100)
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^> {{Declared without an index}}
    due = models.DateField()

    @classmethod
    def borrowed_by(cls, name):
        return Loan.objects.filter(borrower=name)  # Noncompliant {{Filtering Loan by "borrower" reads the whole table: add db_index=True to Loan.borrower or an entry in Meta.indexes if this table grows and the query is frequent.}}
#                                  ^^^^^^^^


class ExternalRecord(models.Model):
    reference = models.CharField(max_length=20)

    class Meta:
        managed = False


INDEXES = [models.Index(fields=["name"])]


class Dynamic(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        indexes = INDEXES


class Event(models.Model):
    kind = models.CharField(max_length=10)
    at = models.DateTimeField()
