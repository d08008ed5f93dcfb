"""Back-office pages over orders: the data-layer findings of the sample shop, each next to its fixed twin."""
from django.db import transaction
from django.http import JsonResponse

from catalog.models import Category, Product

from .models import Order
from .tasks import send_receipt


def order_lines(request):
    orders = Order.objects.filter(customer=request.user)
    lines = [f"{order.product.name}: {order.total}" for order in orders]
    return JsonResponse({"lines": lines})


def order_lines_joined(request):
    orders = Order.objects.filter(customer=request.user).select_related("product")
    lines = [f"{order.product.name}: {order.total}" for order in orders]
    return JsonResponse({"lines": lines})


def category_sizes(request):
    sizes = {}
    for category in Category.objects.all():
        sizes[category.name] = category.products.count()
    return JsonResponse(sizes)


def category_sizes_prefetched(request):
    sizes = {}
    for category in Category.objects.prefetch_related("products"):
        sizes[category.name] = len(category.products.all())
    return JsonResponse(sizes)


def mark_paid(request):
    for order_id in request.POST.getlist("ids"):
        order = Order.objects.get(pk=order_id)
        order.status = Order.PAID
        order.save()
    return JsonResponse({"status": Order.PAID})


def mark_paid_in_bulk(request):
    ids = request.POST.getlist("ids")
    Order.objects.filter(pk__in=ids).update(status=Order.PAID)
    return JsonResponse({"status": Order.PAID})


@transaction.atomic
def place_order(request, product_id):
    product = Product.objects.select_for_update().get(pk=product_id)
    order = Order.objects.create(customer=request.user, product=product, quantity=1, total=product.price)
    send_receipt.delay(order.pk)
    return JsonResponse({"order": order.pk}, status=201)


@transaction.atomic
def place_order_after_commit(request, product_id):
    product = Product.objects.select_for_update().get(pk=product_id)
    order = Order.objects.create(customer=request.user, product=product, quantity=1, total=product.price)
    transaction.on_commit(lambda: send_receipt.delay(order.pk))
    return JsonResponse({"order": order.pk}, status=201)


def open_cart(request, product_id):
    pending = Order.objects.filter(customer=request.user, product_id=product_id, status=Order.PENDING)
    if not pending.exists():
        Order.objects.create(customer=request.user, product_id=product_id, quantity=1, total=0)
    return JsonResponse({"status": Order.PENDING})


def open_cart_atomically(request, product_id):
    order, created = Order.objects.get_or_create(
        customer=request.user, product_id=product_id, status=Order.PENDING, defaults={"quantity": 1, "total": 0}
    )
    return JsonResponse({"order": order.pk, "created": created})
