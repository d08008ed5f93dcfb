from django.shortcuts import get_object_or_404

from shop.models import Order
from shop.tasks import export, send_confirmation, welcome


def confirm(request, pk):
    order = get_object_or_404(Order, pk=pk)
    send_confirmation.delay(order)  # Noncompliant {{Pass "order.pk" instead of the model instance and load the row in the task: the worker would get a stale serialized copy.}}
#                           ^^^^^
    send_confirmation.apply_async(args=[order.customer], countdown=10)  # Noncompliant
    export.delay(Order.objects.filter(total__gt=100))  # Noncompliant {{Pass a list of primary keys instead of this queryset and query in the task: querysets are evaluated and serialized when the task is sent.}}
    welcome.apply_async(kwargs={"user": request.user})  # Noncompliant


def resend_all(request):
    for order in Order.objects.filter(total=0):
        send_confirmation.delay(order)  # Noncompliant


# Compliant look-alikes

def confirm_by_pk(request, pk):
    order = get_object_or_404(Order, pk=pk)
    send_confirmation.delay(order.pk)
    send_confirmation.apply_async(args=[order.customer_id])
    export.delay(list(Order.objects.filter(total__gt=100).values_list("pk", flat=True)))
    welcome.delay(request.user.pk)


def unknown(request, data):
    send_confirmation.delay(data)
