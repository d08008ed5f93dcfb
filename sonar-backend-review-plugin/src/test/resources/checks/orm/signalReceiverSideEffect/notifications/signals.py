import functools
import requests
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.dispatch import receiver as on_signal
from django.db.models import signals

from shop.models import Author, Book, Publisher, Tag
from notifications.tasks import index_book


@receiver(post_save, sender=Book)
# ^[sc=1;ec=33]> {{Connected to post_save here}}
def book_saved(sender, instance, created, **kwargs):
    send_mail("New book", instance.title, "noreply@example.com", ["editors@example.com"])  # Noncompliant {{Move this e-mail ("send_mail()") out of the post_save receiver "book_saved" into the code that saves the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every caller of save().}}
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    index_book.delay(instance.pk)  # Noncompliant {{Move this task dispatch ("index_book.delay()") out of the post_save receiver "book_saved" into the code that saves the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every caller of save().}}
    if created:
        Publisher.objects.filter(pk=instance.author.publisher_id).update(name="x")  # Noncompliant {{Move this write to "Publisher" out of the post_save receiver "book_saved" into the code that saves the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every caller of save().}}


@on_signal([pre_save, post_delete], sender=Author)
def author_changed(sender, instance, **kwargs):
    requests.post("https://search.example.com/reindex", json={"id": instance.pk}, timeout=5)  # Noncompliant {{Move this HTTP call ("requests.post()") out of the pre_save receiver "author_changed" into the code that saves the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every caller of save().}}
    Book.objects.filter(author=instance).update(title="x")  # Noncompliant


def tags_changed(sender, instance, action, **kwargs):
    if action == "post_add":
        requests.post("https://search.example.com/tags", json={"id": instance.pk}, timeout=5)  # Noncompliant {{Move this HTTP call ("requests.post()") out of the m2m_changed receiver "tags_changed" into the code that saves the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every caller of save().}}
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        Author.objects.create(name="tagger")  # the sender is a through model, not a model class the check knows


m2m_changed.connect(tags_changed, sender=Book.tags.through)
# ^[sc=1;ec=59]< {{Connected to m2m_changed here}}


def publisher_deleted(sender, instance, **kwargs):
    send_mail("Publisher gone", instance.name, "noreply@example.com", ["ops@example.com"])  # Noncompliant


signals.post_delete.connect(publisher_deleted, sender=Publisher)


def log_exception(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


@log_exception
def author_deleted(sender, instance, **kwargs):
    send_mail("Author gone", instance.name, "noreply@example.com", ["ops@example.com"])  # Noncompliant


post_delete.connect(author_deleted, sender=Author)  # reported once, at the e-mail: a decorated receiver of this file


# Compliant look-alikes below.

@receiver(post_save, sender=Book)
def book_saved_on_commit(sender, instance, created, **kwargs):
    transaction.on_commit(lambda: send_mail("New book", instance.title, "noreply@example.com", ["e@example.com"]))
    transaction.on_commit(lambda: index_book.delay(instance.pk))
    index_book.delay_on_commit(instance.pk)


@receiver(pre_save, sender=Book)
def book_normalised(sender, instance, **kwargs):
    instance.title = instance.title.strip()
    Book.objects.filter(pk=instance.pk).update(title=instance.title)  # the sender's own model


@receiver(post_save)
def any_saved(sender, instance, **kwargs):
    Tag.objects.filter(label="x").delete()  # the sender is not known: whether this is another model cannot be told


def not_a_receiver(book):
    send_mail("Hello", book.title, "noreply@example.com", ["e@example.com"])
    requests.get("https://example.com", timeout=5)


def helper_connected_elsewhere(sender, instance, **kwargs):
    send_mail("Hello", "x", "noreply@example.com", ["e@example.com"])


class Signal:
    def connect(self, fn):
        pass


custom = Signal()
custom.connect(helper_connected_elsewhere)


@receiver(post_save, sender=Book)
def nested_only(sender, instance, **kwargs):
    def later():
        send_mail("Later", "x", "noreply@example.com", ["e@example.com"])
    transaction.on_commit(later)


@receiver(post_save, sender=Author)
def author_created(sender, instance, created, **kwargs):
    # Django's documented idiom: the row that belongs to a new instance is created with it, in its transaction
    if created:
        Book.objects.create(title="Biography", author=instance)


@receiver(post_delete, sender=Author)
def author_removed(sender, instance, **kwargs):
    # cleanup of dependent rows: it must stay in the transaction of the delete
    Tag.objects.filter(label=instance.name).delete()


@receiver(post_save, sender=Author)
def author_saved_elsewhere(sender, instance, **kwargs):
    Tag.objects.create(label="x")  # Noncompliant {{Move this write to "Tag" out of the post_save receiver "author_saved_elsewhere" into the code that saves the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every caller of save().}}


@receiver(post_delete, sender=Tag)
def tag_removed(sender, instance, **kwargs):
    send_mail("Tag gone", instance.label, "noreply@example.com", ["ops@example.com"])  # Noncompliant {{Move this e-mail ("send_mail()") out of the post_delete receiver "tag_removed" into the code that deletes the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every caller of delete().}}
