from django.db import connection
from rest_framework import generics, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.response import Response

from store.models import Product
from store.serializers import ProductSerializer


class ProductViewSet(viewsets.ModelViewSet):
    serializer_class = ProductSerializer

    def get_queryset(self):
        qs = Product.objects.all()
        ordering = self.request.query_params.get("ordering")
        if ordering:
            qs = qs.order_by(ordering)  # expect: QueryStructureInjection
        return qs

    @action(detail=False, methods=["get"])
    def search(self, request):
        filters = request.query_params.dict()
        return Response(ProductSerializer(Product.objects.filter(**filters), many=True).data)  # expect: QueryStructureInjection


@api_view(["POST"])
def create_product(request):
    product = Product.objects.create(**request.data)  # expect: MassAssignment
    return Response({"id": product.pk})


@api_view(["GET"])
def report(request):
    year = request.query_params.get("year")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT SUM(price) FROM store_product WHERE EXTRACT(year FROM created) = {year}")  # expect: SqlInjection
        return Response({"total": cursor.fetchone()[0]})


class ProductDetail(generics.RetrieveAPIView):
    serializer_class = ProductSerializer

    def get_object(self):
        return Product.objects.raw("SELECT * FROM store_product WHERE id = %s" % self.kwargs["pk"])[0]  # expect: SqlInjection


@api_view(["GET"])
def safe_report(request):
    year = int(request.query_params.get("year", "2024"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT SUM(price) FROM store_product WHERE EXTRACT(year FROM created) = %s", [year])
        return Response({"total": cursor.fetchone()[0]})
