from django.core.mail import send_mail
from django.db.models.signals import post_save
from django.dispatch import receiver

from shop.models import Tag


@receiver(post_save, sender=Tag)
def tag_saved(sender, instance, **kwargs):
    send_mail("Tag", instance.label, "noreply@example.com", ["e@example.com"])  # Noncompliant
