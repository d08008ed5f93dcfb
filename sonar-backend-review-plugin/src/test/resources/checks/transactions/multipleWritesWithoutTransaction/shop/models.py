from django.db import models


class Product(models.Model):
    stock = models.IntegerField()


class Order(models.Model):
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    quantity = models.IntegerField()
    tags = models.ManyToManyField("Tag")


class Tag(models.Model):
    label = models.CharField(max_length=20)


class AuditLog(models.Model):
    message = models.TextField()
