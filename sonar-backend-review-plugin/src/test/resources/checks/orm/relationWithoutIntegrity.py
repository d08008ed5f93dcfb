from django.db import models
from django.db.models import DO_NOTHING, ForeignKey as FK


class Customer(models.Model):
    name = models.CharField(max_length=100)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.DO_NOTHING)  # Noncompliant {{Choose CASCADE, PROTECT or SET_NULL for "customer" instead of DO_NOTHING: deleting the referenced row then fails on the constraint or leaves this one dangling.}}
#                                                    ^^^^^^^^^^^^^^^^^
    billing = FK(Customer, DO_NOTHING, related_name="+")  # Noncompliant
    referrer = models.ForeignKey(Customer, on_delete=models.SET_NULL, null=True, db_constraint=False, related_name="referred")  # Noncompliant {{Remove db_constraint=False from "referrer": without a foreign key constraint the database keeps rows that point to deleted or missing ones.}}
#                                                                                ^^^^^^^^^^^^^^^^^^^
    profile = models.OneToOneField(Customer, models.DO_NOTHING, related_name="order_profile")  # Noncompliant


# Compliant look-alikes

class Invoice(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT)
    order = models.OneToOneField(Order, on_delete=models.CASCADE, db_constraint=True)


class LegacyView(models.Model):
    # a database view Django does not manage
    customer = models.ForeignKey(Customer, on_delete=models.DO_NOTHING, db_constraint=False)

    class Meta:
        managed = False


class NotAModel:
    customer = models.ForeignKey(Customer, on_delete=models.DO_NOTHING)


def do_nothing_elsewhere(handler=models.DO_NOTHING):
    return handler
