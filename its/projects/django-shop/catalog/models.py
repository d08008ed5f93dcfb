from django.db import models

from .constants import SLUG_MAX_LENGTH


class Category(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=SLUG_MAX_LENGTH, unique=True)

    def __str__(self):
        return self.name


class Product(models.Model):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=SLUG_MAX_LENGTH, null=True)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    stock = models.PositiveIntegerField(default=0)
    views = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    def __str__(self):
        return self.name

    def record_view(self):
        self.views += 1
        self.save(update_fields=["views"])
