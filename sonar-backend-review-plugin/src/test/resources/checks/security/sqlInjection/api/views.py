from django.db import connection
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from shop.models import Product


@api_view(["POST"])
def bulk_price(request):
    ids = request.data["ids"]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE shop_product SET price = 0 WHERE id IN (%s)" % ",".join(ids))  # Noncompliant {{Pass the request parameter "ids" (line 11) as a bound query parameter instead of building this SQL query from it.}}
    return Response({})


class ProductSearch(APIView):
    def get(self, request):
        term = request.query_params.get("term")
        return Response({"rows": self._find(term)})

    def _find(self, term):
        return list(Product.objects.raw("SELECT * FROM shop_product WHERE name LIKE '%%" + term + "%%'"))  # Noncompliant


# Compliant look-alikes

@api_view(["POST"])
def bulk_price_bound(request):
    ids = [int(i) for i in request.data["ids"]]
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE shop_product SET price = 0 WHERE id IN ({placeholders})", ids)
    return Response({})


class ProductSearchBound(APIView):
    def get(self, request):
        term = request.query_params.get("term")
        return Response({"rows": list(Product.objects.raw("SELECT * FROM shop_product WHERE name LIKE %s", ["%" + term + "%"]))})
