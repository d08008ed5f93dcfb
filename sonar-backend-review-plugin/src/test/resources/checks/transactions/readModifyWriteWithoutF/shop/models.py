from django.db import models


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Product(TimeStamped):
    name = models.CharField(max_length=100)
    stock = models.IntegerField(default=0)
    views = models.PositiveIntegerField(default=0)

    def record_view(self):
        self.views += 1  # Noncompliant {{Update "views" in the database with F("views") or lock the row with select_for_update(): this read-modify-write loses concurrent updates.}}
#       ^^^^^^^^^^^^^^^
        self.save(update_fields=["views"])

    def rename(self, suffix):
        self.name += suffix  # text is not a counter: self.name += " (copy)" would not be reported either
        self.save()

    @classmethod
    def restock_all(cls, amount):
        cls.stock += amount  # a class attribute, not an instance
        cls.save()


class Account(models.Model):
    balance = models.DecimalField(max_digits=12, decimal_places=2)


class Counter:
    """Not a Django model."""

    def __init__(self):
        self.value = 0

    def hit(self):
        self.value += 1
        self.save()

    def save(self):
        pass
