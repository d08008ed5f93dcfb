from django.conf import settings
from django.db import models

from catalog.models import Product


class Wallet(models.Model):
    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    balance = models.DecimalField(max_digits=12, decimal_places=2, default=0)


class Order(models.Model):
    PENDING = "pending"
    PAID = "paid"
    STATUSES = [(PENDING, "Pending"), (PAID, "Paid")]

    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders")
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField()
    total = models.DecimalField(max_digits=12, decimal_places=2)
    status = models.CharField(max_length=16, choices=STATUSES, default=PENDING)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "product", "status"],
                condition=models.Q(status="pending"),
                name="one_pending_order_per_product",
            ),
        ]
