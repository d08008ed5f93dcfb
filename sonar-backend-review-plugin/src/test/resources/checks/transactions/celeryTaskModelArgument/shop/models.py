from django.conf import settings
from django.db import models


class Customer(models.Model):
    email = models.EmailField()


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    total = models.DecimalField(max_digits=10, decimal_places=2)

    def confirm(self):
        from shop.tasks import send_confirmation
        send_confirmation.delay(self)  # Noncompliant {{Pass "self.pk" instead of the model instance and load the row in the task: the worker would get a stale serialized copy.}}
