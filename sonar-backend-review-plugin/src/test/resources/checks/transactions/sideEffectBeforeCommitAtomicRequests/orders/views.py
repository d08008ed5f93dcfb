from django.db import transaction
from django.views import View

from orders.tasks import notify


def create_order(request, pk):
#   ^^^^^^^^^^^^> {{View run in a transaction (ATOMIC_REQUESTS = True)}}
    request.user.orders.create(pk=pk)
    notify.delay(pk)  # Noncompliant
#   ^^^^^^^^^^^^^^^^


class OrderView(View):
    def post(self, request, pk):
        self.save_order(pk)
        notify.delay(pk)  # Noncompliant


# Compliant look-alikes

@transaction.non_atomic_requests
def create_order_outside_transaction(request, pk):
    notify.delay(pk)


def helper(pk):
    notify.delay(pk)


def notify_only(request, pk):
    # a view that writes nothing before the dispatch
    notify.delay(pk)
