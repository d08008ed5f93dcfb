from django.core.management.base import BaseCommand

from bank.models import Account


class Command(BaseCommand):
    def handle(self, *args, **options):
        for account in Account.objects.select_for_update().filter(frozen=True):  # Noncompliant
            account.delete()
