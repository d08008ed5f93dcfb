from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required, permission_required, user_passes_test
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import DetailView

from shop.decorators import ownership_required
from shop.models import Document, Invoice, Order


@login_required
def order_detail(request, order_id):
    order = get_object_or_404(Order, pk=order_id)  # Noncompliant {{Verify that the user may access this "Order": it is loaded by the URL parameter "order_id" with no owner filter or permission check.}}
    return render(request, "order.html", {"order": order})


@login_required
def delete_order(request, pk):
    Order.objects.filter(pk=pk).delete()  # Noncompliant
    return redirect("orders")


@permission_required("shop.view_invoice")  # a model-level permission: any holder reads every invoice
def invoice_detail(request, pk):
    invoice = Invoice.objects.get(id=pk)  # Noncompliant {{Verify that the user may access this "Invoice": it is loaded by the URL parameter "pk" with no owner filter or permission check.}}
    return render(request, "invoice.html", {"invoice": invoice})


@login_required
def document_by_query(request):
    document = Document.objects.filter(pk=int(request.GET["doc"])).first()  # Noncompliant {{Verify that the user may access this "Document": it is loaded by the query parameter "doc" with no owner filter or permission check.}}
    return JsonResponse({"title": document.title})


@login_required
def two_objects(request, order_id, invoice_id):
    order = Order.objects.get(pk=order_id)  # Noncompliant
    invoice = Invoice.objects.get(pk=invoice_id)  # one finding per view: a secondary location of the issue above
    return render(request, "both.html", {"order": order, "invoice": invoice})


@method_decorator(login_required, name="dispatch")
class OrderView(View):
    def get(self, request, pk):
        order = Order.objects.get(pk=pk)  # Noncompliant
        return render(request, "order.html", {"order": order})


class OrderDetail(LoginRequiredMixin, DetailView):
    model = Order

    def get_object(self, queryset=None):
        return get_object_or_404(Order, pk=self.kwargs["pk"])  # Noncompliant


# Compliant look-alikes


@login_required
def own_order(request, order_id):
    order = get_object_or_404(Order, pk=order_id, owner=request.user)
    return render(request, "order.html", {"order": order})


@login_required
def own_order_from_relation(request, order_id):
    order = get_object_or_404(request.user.order_set, pk=order_id)
    return render(request, "order.html", {"order": order})


@login_required
def own_order_queryset(request, order_id):
    order = get_object_or_404(Order.objects.filter(owner=request.user), pk=order_id)
    return render(request, "order.html", {"order": order})


@login_required
def tenant_document(request, pk):
    document = Document.objects.get(pk=pk, tenant=request.tenant)
    return JsonResponse({"title": document.title})


@login_required
def customer_invoice(request, pk):
    invoice = Invoice.objects.get(pk=pk, customer_id=request.user.id)
    return render(request, "invoice.html", {"invoice": invoice})


@login_required
def checked_later(request, order_id):
    order = get_object_or_404(Order, pk=order_id)
    if order.owner != request.user:
        return HttpResponseForbidden()
    return render(request, "order.html", {"order": order})


@login_required
def checked_with_raise(request, order_id):
    order = Order.objects.get(pk=order_id)
    if order.owner_id != request.user.pk:
        raise PermissionDenied
    return render(request, "order.html", {"order": order})


@login_required
def object_permission(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk)
    if not request.user.has_perm("shop.view_invoice", invoice):
        raise PermissionDenied
    return render(request, "invoice.html", {"invoice": invoice})


@login_required
def helper_check(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk)
    ensure_can_view(request.user, invoice)
    return render(request, "invoice.html", {"invoice": invoice})


@staff_member_required
def staff_order(request, order_id):
    order = get_object_or_404(Order, pk=order_id)
    return render(request, "order.html", {"order": order})


@login_required
@ownership_required
def owner_only_order(request, order_id):
    # a project decorator named for access control may check the object
    order = get_object_or_404(Order, pk=order_id)
    return render(request, "order.html", {"order": order})


@user_passes_test(lambda u: u.is_superuser)
def superuser_order(request, order_id):
    order = get_object_or_404(Order, pk=order_id)
    return render(request, "order.html", {"order": order})


def anonymous_order(request, order_id):
    # not authenticated at all: SEC-23's concern, not an IDOR
    order = get_object_or_404(Order, pk=order_id)
    return render(request, "order.html", {"order": order})


@login_required
def my_orders(request):
    # the id comes from the session user, not from the request
    order = Order.objects.filter(pk=request.user.last_order_id).first()
    return render(request, "order.html", {"order": order})


@login_required
def constant_lookup(request):
    order = Order.objects.get(pk=1)
    return render(request, "order.html", {"order": order})


class OwnedOrder(UserPassesTestMixin, View):
    def test_func(self):
        return self.get_object().owner == self.request.user

    def get(self, request, pk):
        order = Order.objects.get(pk=pk)
        return render(request, "order.html", {"order": order})


def ensure_can_view(user, invoice):
    if invoice.customer != user:
        raise PermissionDenied
