import requests
from django.core import mail
from django.db import transaction

from notifications import tasks
from notifications.tasks import index_book
from shop.models import Publisher


def book_saved(sender, instance, created, **kwargs):
    mail.send_mail("New book", instance.title, "noreply@example.com", ["editors@example.com"])
    if created:
        index_book.delay(instance.pk)
        tasks.index_book.apply_async(args=[instance.pk])


def author_deleted(sender, instance, **kwargs):
    requests.post("https://search.example.com/reindex", json={"id": instance.pk}, timeout=5)


# Compliant look-alikes: no outbound call written directly in the receiver

def book_saved_on_commit(sender, instance, **kwargs):
    transaction.on_commit(lambda: mail.send_mail("New book", instance.title, "noreply@example.com", ["e@example.com"]))
    index_book.delay_on_commit(instance.pk)


def publisher_touched(sender, instance, **kwargs):
    Publisher.objects.filter(pk=instance.pk).update(name=instance.name.strip())

    def later():
        requests.post("https://search.example.com/reindex", json={"id": instance.pk}, timeout=5)
    transaction.on_commit(later)


def not_a_receiver(book):
    mail.send_mail("Hello", book.title, "noreply@example.com", ["e@example.com"])
