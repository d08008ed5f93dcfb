from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import Country, Profile, Tag


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, **kwargs):
    # one-to-one on the user: the database refuses a second profile, and nothing saves one new user twice at once
    if not Profile.objects.filter(user=instance).exists():
        Profile.objects.create(user=instance)


def ensure_country(code):
    # primary key lookup outside a request handler: a concurrent duplicate fails with IntegrityError
    try:
        return Country.objects.get(pk=code)
    except Country.DoesNotExist:
        return Country.objects.create(code=code, name=code)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def default_tag(sender, instance, **kwargs):
    if not Tag.objects.filter(label=instance.username).exists():  # Noncompliant
        Tag.objects.create(label=instance.username, color="#000000")
