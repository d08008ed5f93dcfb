from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(null=True)

    def make_slug(self):
        return self.name.lower()


class Tag(models.Model):
    label = models.CharField(max_length=20)
