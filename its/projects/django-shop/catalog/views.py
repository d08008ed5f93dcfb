from django.db.models import F
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .models import Product
from .serializers import ProductSerializer
from .tasks import reindex_product


class ProductViewSet(viewsets.ModelViewSet):
    serializer_class = ProductSerializer

    def get_queryset(self):
        return Product.objects.filter(active=True).select_related("category")

    def retrieve(self, request, *args, **kwargs):
        product = self.get_object()
        product.record_view()
        return Response(self.get_serializer(product).data)

    @action(detail=True, methods=["post"])
    def restock(self, request, pk=None):
        quantity = int(request.data.get("quantity", 0))
        Product.objects.filter(pk=pk).update(stock=F("stock") + quantity)
        reindex_product.delay(pk)
        return Response(status=204)

    def perform_update(self, serializer):
        product = serializer.save()
        reindex_product.delay(product.pk)
