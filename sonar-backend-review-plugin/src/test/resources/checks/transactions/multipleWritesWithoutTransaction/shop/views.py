from django.db import transaction
from django.db.models import F
from django.http import JsonResponse
from rest_framework.views import APIView

from shop.models import AuditLog, Order, Product


def place_order(request, product_id):  # Noncompliant {{Wrap the 2 database writes of this view in "transaction.atomic()": if a later one fails, the earlier ones stay committed.}}
#   ^^^^^^^^^^^
    order = Order.objects.create(product_id=product_id, quantity=1)
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^< {{Write to Order}}
    Product.objects.filter(pk=product_id).update(stock=F("stock") - 1)
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^< {{Write to Product}}
    return JsonResponse({"order": order.pk})


class CancelView(APIView):
    def post(self, request, pk):  # Noncompliant
        order = Order.objects.get(pk=pk)
        order.tags.clear()
        order.delete()
        AuditLog.objects.create(message="cancelled %s" % pk)
        return JsonResponse({})


# Compliant look-alikes

@transaction.atomic
def place_order_atomic(request, product_id):
    Order.objects.create(product_id=product_id, quantity=1)
    Product.objects.filter(pk=product_id).update(stock=F("stock") - 1)


def place_order_block(request, product_id):
    with transaction.atomic():
        Order.objects.create(product_id=product_id, quantity=1)
        Product.objects.filter(pk=product_id).update(stock=F("stock") - 1)
    return JsonResponse({})


def one_write(request, product_id):
    order = Order.objects.get(pk=product_id)
    order.quantity = 2
    order.save()
    order.save(update_fields=["quantity"])


def exclusive_branches(request, pk):
    if request.POST.get("cancel"):
        Order.objects.filter(pk=pk).delete()
    else:
        AuditLog.objects.create(message="kept")
    return JsonResponse({})


def early_return(request, pk):
    if request.POST.get("cancel"):
        Order.objects.filter(pk=pk).delete()
        return JsonResponse({})
    AuditLog.objects.create(message="kept")
    return JsonResponse({})


def log_on_failure(request, pk):
    try:
        Order.objects.filter(pk=pk).delete()
    except Exception:
        AuditLog.objects.create(message="failed")
    return JsonResponse({})


def helper(pk):
    # not a view: its callers may hold a transaction
    Order.objects.filter(pk=pk).delete()
    AuditLog.objects.create(message="deleted")
