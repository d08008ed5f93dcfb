import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import BigIntegerField

from shop.models import Customer, BlogPost as Post
import shop.models


class Invoice(models.Model):
    customer_id = models.PositiveIntegerField()  # Noncompliant {{Declare "customer = models.ForeignKey(Customer, on_delete=...)" instead of the plain "customer_id" column: the database does not check that the Customer row exists.}}
    blog_post_id = BigIntegerField(null=True)  # Noncompliant {{Declare "blog_post = models.ForeignKey(Post, on_delete=...)" instead of the plain "blog_post_id" column: the database does not check that the Post row exists.}}
    payment_id = models.UUIDField(default=uuid.uuid4)  # Noncompliant
    post_id = models.IntegerField()  # Noncompliant {{Declare "post = models.ForeignKey(Post, on_delete=...)" instead of the plain "post_id" column: the database does not check that the Post row exists.}}
    user_id = models.IntegerField()  # Noncompliant {{Declare "user = models.ForeignKey(User, on_delete=...)" instead of the plain "user_id" column: the database does not check that the User row exists.}}
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")


class Payment(models.Model):
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    refund_of = models.ForeignKey("billing.Refund", null=True, on_delete=models.SET_NULL)


# ---- compliant look-alikes -------------------------------------------------------------------------------------------

class Refund(models.Model):
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT)  # a real foreign key
    refund_id = models.IntegerField()  # the model's own name: an external identifier
    stripe_id = models.CharField(max_length=40)  # no model "Stripe"; and a CharField
    order_id = models.IntegerField()  # no model "Order" known in this module
    _id = models.IntegerField()
    customer_ref = models.IntegerField()  # not named *_id
    customer_id_copy = models.IntegerField()
    product_id = models.IntegerField()  # Product is only imported inside a function


class Comment(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    customer_id = models.PositiveIntegerField()  # the id column of the generic relation below
    target = GenericForeignKey("content_type", "customer_id")
    object_id = models.PositiveIntegerField()


class Snapshot(models.Model):
    customer_id = models.IntegerField(primary_key=True)


class LegacyInvoice(models.Model):
    customer_id = models.IntegerField()

    class Meta:
        managed = False
        db_table = "legacy_invoice"


class NotAModel:
    customer_id = models.IntegerField()


def local():
    from shop.models import Product

    class Line(models.Model):
        pass


class CardPayment(Payment):
    payment_id = models.UUIDField()  # the name of its own base class: the card's own identifier, not a reference
