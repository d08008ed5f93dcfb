from django.apps import AppConfig
from django.core.signals import request_finished
from django.db.models import signals
from django.db.models.signals import post_delete, post_save, pre_save

from orders import handlers
from orders.decorated import tag_saved
from orders.handlers import author_deleted, book_saved, book_saved_on_commit, not_a_receiver, publisher_touched


class OrdersConfig(AppConfig):
    name = "orders"

    def ready(self):
        from shop.models import Author, Book, Publisher
        post_save.connect(book_saved, sender=Book)  # Noncompliant {{Move the e-mail ("send_mail()") and 2 other side effects out of the post_save receiver "book_saved" connected here into the code that saves the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every caller of save().}}
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        signals.post_delete.connect(handlers.author_deleted, sender=Author, dispatch_uid="author-deleted")  # Noncompliant {{Move the HTTP call ("requests.post()") out of the post_delete receiver "author_deleted" connected here into the code that deletes the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every caller of delete().}}

        # Compliant look-alikes
        post_save.connect(book_saved_on_commit, sender=Book)
        pre_save.connect(publisher_touched, sender=Publisher)
        post_save.connect(tag_saved, sender=Book)  # decorated with @receiver: reported in its own module
        request_finished.connect(not_a_receiver)
        post_delete.disconnect(author_deleted, sender=Author)
        post_save.connect(lambda sender, **kw: None, sender=Book)
