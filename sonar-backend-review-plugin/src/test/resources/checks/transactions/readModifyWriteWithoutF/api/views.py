from django.db import transaction
from django.db.models import F
from django.shortcuts import get_object_or_404

from shop.models import Account, Product
from shop import models as shop_models


def buy(request, product_id, quantity):
    product = Product.objects.get(pk=product_id)
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^> {{Instance read without a row lock}}
    product.stock -= quantity  # Noncompliant
#   ^^^^^^^^^^^^^^^^^^^^^^^^^
    product.save()
#   ^^^^^^^^^^^^^^< {{Old value plus the change written back}}


def withdraw(request, account_id, amount):
    with transaction.atomic():
        account = get_object_or_404(Account, pk=account_id)
        if account.balance >= amount:
            account.balance = account.balance - amount  # Noncompliant
            account.save()


def like(request, pk):
    product = shop_models.Product.objects.filter(pk=pk).first()
    product.views = 1 + product.views  # Noncompliant
    product.save(update_fields=["views"])


def restock_everything(amount):
    for product in Product.objects.filter(stock__lt=10):
        product.stock += amount  # Noncompliant
        product.save()


def transfer(source: Account, amount):
    source.balance -= amount  # Noncompliant
    source.save()


# Compliant look-alikes

def buy_with_f(request, product_id, quantity):
    Product.objects.filter(pk=product_id).update(stock=F("stock") - quantity)


def buy_with_f_on_instance(request, product_id, quantity):
    product = Product.objects.get(pk=product_id)
    product.stock = F("stock") - quantity
    product.save()


def withdraw_locked(request, account_id, amount):
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account_id)
        if account.balance >= amount:
            account.balance -= amount
            account.save()


def withdraw_locked_404(request, account_id, amount):
    with transaction.atomic():
        account = get_object_or_404(Account.objects.select_for_update(), pk=account_id)
        account.balance -= amount
        account.save()


def restock_locked(amount):
    with transaction.atomic():
        for product in Product.objects.select_for_update().filter(stock__lt=10):
            product.stock += amount
            product.save()


def no_save(request, product_id):
    product = Product.objects.get(pk=product_id)
    product.stock -= 1
    return product.stock


def fresh(request):
    product = Product.objects.create(name="x", stock=0)
    product.stock += 1
    product.save()


def save_before_change(request, product_id):
    product = Product.objects.get(pk=product_id)
    product.save()
    product.stock -= 1
    return product


def unknown_origin(product):
    product.stock -= 1
    product.save()


def plain_objects(stats, n):
    stats.total += n
    stats.save()


def rename(request, product_id):
    product = Product.objects.get(pk=product_id)
    product.name = product.name + " (copy)"
    product.save()


total = 0
