from django.http import JsonResponse

from bank.models import Account


def balance(request, pk):
    # ATOMIC_REQUESTS is not known in this project: views may run in a transaction
    account = Account.objects.select_for_update().get(pk=pk)
    return JsonResponse({"balance": str(account.balance)})
