from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.models import Product

from .models import Order, Wallet
from .tasks import send_receipt


def reserve_stock(request, product_id):
    quantity = int(request.POST.get("quantity", 1))
    product = Product.objects.get(pk=product_id)
    if product.stock < quantity:
        return JsonResponse({"error": "out of stock"}, status=409)
    product.stock -= quantity
    product.save()
    return JsonResponse({"stock": product.stock})


def pay_order(request, order_id):
    order = get_object_or_404(Order, pk=order_id, customer=request.user)
    with transaction.atomic():
        wallet = Wallet.objects.select_for_update().get(owner=request.user)
        if wallet.balance < order.total:
            return JsonResponse({"error": "insufficient funds"}, status=402)
        wallet.balance -= order.total
        wallet.save()
        order.status = Order.PAID
        order.save()
    send_receipt.delay(order.pk)
    return JsonResponse({"status": order.status})


class RefundView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request, order_id):
        order = get_object_or_404(Order, pk=order_id, customer=request.user)
        wallet = Wallet.objects.get(owner=request.user)
        wallet.balance = wallet.balance + order.total
        wallet.save()
        return Response({"balance": str(wallet.balance)})
