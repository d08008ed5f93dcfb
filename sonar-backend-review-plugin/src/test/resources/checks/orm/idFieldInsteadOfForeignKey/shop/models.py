from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)


class BlogPost(models.Model):
    title = models.CharField(max_length=100)


class Product(models.Model):
    name = models.CharField(max_length=100)
    customer_id = models.IntegerField()  # Noncompliant {{Declare "customer = models.ForeignKey(Customer, on_delete=...)" instead of the plain "customer_id" column: the database does not check that the Customer row exists.}}
#   ^^^^^^^^^^^
