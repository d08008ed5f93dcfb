import functools

import pika
from celery import group
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from kafka import KafkaProducer

from shop import tasks
from shop.celery import app
from shop.models import Order
from shop.tasks import send_receipt, sync_erp, not_a_task

producer = KafkaProducer(bootstrap_servers="kafka:9092")


def checkout(request):
    with transaction.atomic():
#        ^^^^^^^^^^^^^^^^^^^^> {{Transaction committed after this block}}
        order = Order.objects.create(number=request.POST["number"], email=request.POST["email"])
        send_receipt.delay(order.pk)  # Noncompliant {{Run this task dispatch after the commit with transaction.on_commit(): "send_receipt.delay()" happens before the transaction commits and stays if it rolls back.}}
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    return order


@transaction.atomic
def pay(request, pk):
    order = Order.objects.select_for_update().get(pk=pk)
    order.paid = True
    order.save()
    tasks.sync_erp.apply_async(args=[order.pk], countdown=5)  # Noncompliant
    send_mail("Paid", "Thanks", "shop@example.com", [order.email])  # Noncompliant {{Run this e-mail after the commit with transaction.on_commit(): "send_mail()" happens before the transaction commits and stays if it rolls back.}}
    EmailMessage("Paid", "Thanks", to=[order.email]).send()  # Noncompliant
    return order


@transaction.atomic(using="default", savepoint=False)
def publish(request, pk):
    order = Order.objects.get(pk=pk)
    order.published = True
    order.save()
    producer.send("orders", order.number.encode())  # Noncompliant {{Run this message publish after the commit with transaction.on_commit(): "send()" happens before the transaction commits and stays if it rolls back.}}
    channel = pika.BlockingConnection().channel()
    channel.basic_publish(exchange="", routing_key="orders", body=order.number)  # Noncompliant


def bulk(request):
    with transaction.atomic():
        for order in Order.objects.filter(paid=False):
            order.paid = True
            order.save()
            send_receipt.delay(order.pk)  # Noncompliant
        group(send_receipt.s(o.pk) for o in Order.objects.all()).apply_async()  # Noncompliant
        app.send_task("erp.sync", args=[1])  # Noncompliant


def nested(request):
    with transaction.atomic():
        Order.objects.filter(paid=False).update(paid=True)
        with transaction.atomic():
            send_receipt.delay(1)  # Noncompliant


def after_unknown_call(request, order):
    with transaction.atomic():
        order.mark_paid()  # project code: may write
        send_receipt.delay(order.pk)  # Noncompliant


# Compliant look-alikes

def after_commit(request):
    with transaction.atomic():
        order = Order.objects.create(number="1", email="a@example.com")
        transaction.on_commit(lambda: send_receipt.delay(order.pk))
        transaction.on_commit(functools.partial(send_mail, "Paid", "Thanks", "shop@example.com", [order.email]))
        send_receipt.delay_on_commit(order.pk)
    return order


def after_block(request):
    with transaction.atomic():
        order = Order.objects.create(number="2", email="b@example.com")
    send_receipt.delay(order.pk)


def no_transaction(request, pk):
    send_receipt.delay(pk)
    send_mail("Hi", "Hello", "shop@example.com", ["x@example.com"])


def not_tasks(request, pk):
    with transaction.atomic():
        not_a_task(pk)
        request.session.delay(pk)


def deferred_function(request, pk):
    with transaction.atomic():
        def notify():
            send_receipt.delay(pk)
        transaction.on_commit(notify)


def read_only_block(request, pk):
    # nothing is written before the dispatch: the worker sees every row this transaction could show it
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=pk)
        if order.number.startswith("X"):
            send_receipt.delay(order.pk)
        send_receipt.delay(order.pk)
    order.save()


def on_replica(request, pk):
    with transaction.atomic(using="replica"):
        order = Order.objects.using("replica").get(pk=pk)
        order.save(using="default")
        send_receipt.delay(order.pk)
