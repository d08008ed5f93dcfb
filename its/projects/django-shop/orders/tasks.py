from celery import shared_task
from django.core.mail import send_mail

from .models import Order


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True)
def send_receipt(order_id):
    order = Order.objects.select_related("customer", "product").get(pk=order_id)
    send_mail(
        subject=f"Your order #{order.pk}",
        message=f"{order.quantity} x {order.product.name}: {order.total}",
        from_email="shop@example.com",
        recipient_list=[order.customer.email],
    )
