from rest_framework.decorators import api_view, permission_classes
from rest_framework.generics import RetrieveAPIView
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from shop.models import Invoice, Order


@api_view(["GET"])
@permission_classes([IsAuthenticated])
def order_api(request, pk):
    order = Order.objects.get(pk=pk)  # Noncompliant
    return Response({"total": order.total})


class InvoiceApi(APIView):
    permission_classes = [IsAuthenticated]

    def delete(self, request, pk):
        Invoice.objects.filter(pk=pk).delete()  # Noncompliant
        return Response(status=204)

    def get(self, request, pk):
        invoice = Invoice.objects.get(pk=pk, customer=request.user)
        return Response({"id": invoice.pk})


class AdminInvoiceApi(APIView):
    permission_classes = [IsAdminUser]

    def get(self, request, pk):
        invoice = Invoice.objects.get(pk=pk)
        return Response({"id": invoice.pk})


class CheckedInvoiceApi(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        invoice = Invoice.objects.get(pk=pk)
        self.check_object_permissions(request, invoice)
        return Response({"id": invoice.pk})


class InvoiceDetail(RetrieveAPIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, *args, **kwargs):
        # get_object() runs the object permissions
        invoice = self.get_object()
        return Response({"id": invoice.pk})


class OwnerInvoiceDetail(RetrieveAPIView):
    permission_classes = [IsAuthenticated]

    def get_object(self):
        return Invoice.objects.get(pk=self.kwargs["pk"], customer=self.request.user)
