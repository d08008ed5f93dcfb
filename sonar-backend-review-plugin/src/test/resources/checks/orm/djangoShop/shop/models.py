from django.db import models


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        abstract = True


class Publisher(models.Model):
    name = models.CharField(max_length=100)


class Author(TimeStamped):
    name = models.CharField(max_length=100)
    publisher = models.ForeignKey(Publisher, on_delete=models.CASCADE)

    def display(self):
        return self.name.title()


class Tag(models.Model):
    label = models.CharField(max_length=30)


class BookManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().select_related("author")


class Book(TimeStamped):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    editor = models.OneToOneField(Author, null=True, on_delete=models.SET_NULL, related_name="edited_book")
    tags = models.ManyToManyField(Tag, blank=True)

    objects = models.Manager()
    with_authors = BookManager()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cache = {}

    @property
    def summary(self):
        return self.title[:10]

    def sorted_chapters(self):
        return self.chapter_set.order_by("number")


class Chapter(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    number = models.IntegerField()
