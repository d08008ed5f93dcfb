from django.db.models import Q
from django.http import JsonResponse
from rest_framework import generics

from shop.models import Order

SORTABLE = {"reference", "created", "-created"}
SORT_FIELDS = {"newest": "-created", "oldest": "created"}


def orders(request):
    sort = request.GET.get("sort", "created")
    qs = Order.objects.order_by(sort)  # Noncompliant {{Check the request parameter "sort" (line 12) against an allow-list of field names before passing it to order_by().}}
    return JsonResponse({"ids": list(qs.values_list("id", flat=True))})


def search(request):
    results = Order.objects.filter(**request.GET.dict())  # Noncompliant {{Check the keys of the query string (line 18) against an allow-list of lookups before passing them to filter().}}
    return JsonResponse({"count": results.count()})


def export(request):
    fields = request.GET.getlist("fields")
    rows = Order.objects.all().values(*fields)  # Noncompliant
    return JsonResponse({"rows": list(rows)})


def advanced(request):
    filters = {}
    for key, value in request.GET.items():
        filters[key] = value
    condition = Q(**filters)  # Noncompliant
    field = request.GET["field"]
    matches = Order.objects.exclude(**{f"{field}__startswith": request.GET["prefix"]})  # Noncompliant
    return JsonResponse({"count": Order.objects.filter(condition).count() + matches.count()})


class OrderList(generics.ListAPIView):
    def get_queryset(self):
        ordering = self.request.query_params.get("ordering")
        return Order.objects.all().order_by(ordering)  # Noncompliant


# Compliant look-alikes

def orders_allow_listed(request):
    sort = request.GET.get("sort", "created")
    if sort not in SORTABLE:
        sort = "created"
    return JsonResponse({"ids": list(Order.objects.order_by(sort).values_list("id", flat=True))})


def orders_mapped(request):
    sort = SORT_FIELDS.get(request.GET.get("sort"), "created")
    return JsonResponse({"ids": list(Order.objects.order_by(sort).values_list("id", flat=True))})


def search_fixed_lookups(request):
    results = Order.objects.filter(**{"reference__icontains": request.GET.get("q", "")})
    reference = request.GET.get("reference")
    also = Order.objects.filter(reference=reference)
    return JsonResponse({"count": results.count() + also.count()})


def fields_checked(request):
    fields = [f for f in request.GET.getlist("fields") if f in {"id", "reference"}]
    return JsonResponse({"rows": list(Order.objects.values("id"))})


class OrderListOrdered(generics.ListAPIView):
    def get_queryset(self):
        ordering = self.request.query_params.get("ordering")
        if ordering in SORTABLE:
            return Order.objects.order_by(ordering)
        return Order.objects.all()


def checked_sort(value):
    # a same-module helper that sanitises
    if value not in SORTABLE:
        raise ValueError(value)
    return value


def orders_with_helper(request):
    return JsonResponse({"ids": list(Order.objects.order_by(checked_sort(request.GET.get("sort"))).values_list("id", flat=True))})
