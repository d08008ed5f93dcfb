from django.db import transaction
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from shop.models import Order, Product


@require_POST
def buy(request, product_id):
    quantity = int(request.POST.get("quantity", 1))
    product = get_object_or_404(Product, pk=product_id)
    if product.stock < quantity:
        return JsonResponse({"error": "out of stock"}, status=409)
    # Two concurrent purchases both read stock=5 and both write 4.
    product.stock -= quantity
    product.save()
    Order.objects.create(product=product, quantity=quantity)
    return JsonResponse({"stock": product.stock})


@require_POST
def restock(request, product_id):
    amount = int(request.POST["amount"])
    Product.objects.filter(pk=product_id).update(stock=F("stock") + amount)
    return JsonResponse({"ok": True})


@require_POST
def cancel_order(request, order_id):
    with transaction.atomic():
        order = get_object_or_404(Order, pk=order_id, cancelled=False)
        product = Product.objects.get(pk=order.product_id)
        product.stock += order.quantity  # NOSONAR(ReadModifyWriteWithoutF) cancellations are serialised by the back-office queue
        product.save()
        order.cancelled = True
        order.save(update_fields=["cancelled"])
    return JsonResponse({"ok": True})
