from celery import shared_task
from django.db import transaction

from bank.models import Account


@shared_task
def apply_interest(account_id, rate):
    account = Account.objects.select_for_update().get(pk=account_id)  # Noncompliant {{Evaluate this select_for_update() queryset inside "transaction.atomic()": without a transaction Django raises TransactionManagementError and no row is locked.}}
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    account.balance *= 1 + rate
    account.save()


@shared_task
def freeze_all(owner):
    accounts = Account.objects.select_for_update().filter(owner=owner)  # Noncompliant
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    for account in accounts:
#                  ^^^^^^^^< {{Evaluated here, outside any transaction}}
        account.frozen = True
        account.save()


@shared_task
def transfer(source_id, target_id, amount):
    with transaction.atomic():
#   ^^^^> {{Lock released at the end of this block}}
        source = Account.objects.select_for_update().get(pk=source_id)
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^> {{Row locked here}}
        target = Account.objects.select_for_update().get(pk=target_id)
    source.balance -= amount
    target.balance += amount
    source.save()  # Noncompliant {{Save "source" inside the atomic block that locked it: the row lock was released at the end of that block, so a concurrent update can be overwritten.}}
#   ^^^^^^^^^^^^^
    target.save()  # Noncompliant


# Compliant look-alikes

@shared_task
@transaction.atomic
def apply_interest_atomic(account_id, rate):
    account = Account.objects.select_for_update().get(pk=account_id)
    account.balance *= 1 + rate
    account.save()


@shared_task
def freeze_all_atomic(owner):
    with transaction.atomic():
        for account in Account.objects.select_for_update().filter(owner=owner):
            account.frozen = True
            account.save()


@shared_task
def transfer_atomic(source_id, target_id, amount):
    with transaction.atomic():
        source = Account.objects.select_for_update().get(pk=source_id)
        source.balance -= amount
        source.save()


def locked_accounts(owner):
    # a helper: its callers may run it in a transaction
    return Account.objects.select_for_update().get(owner=owner)


@shared_task
def built_but_evaluated_in_block(owner):
    accounts = Account.objects.select_for_update().filter(owner=owner)
    with transaction.atomic():
        for account in accounts:
            account.save()
