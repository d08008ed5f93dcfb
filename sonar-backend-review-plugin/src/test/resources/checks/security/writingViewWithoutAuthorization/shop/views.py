from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_POST

from .decorators import shop_admin_only
from .forms import ProductForm
from .models import Order, Product


@login_required
def order_list(request):
    return HttpResponse(Order.objects.filter(user=request.user))


@permission_required("shop.change_product")
def edit_product(request, pk):
    product = get_object_or_404(Product, pk=pk)
    product.name = request.POST["name"]
    product.save()
    return redirect("product", pk=pk)


@require_POST
def delete_product(request, pk):  # Noncompliant {{Verify that "delete_product" may be called by anyone: it writes with no login or permission check, while 4 views of this module require one.}}
#   ^^^^^^^^^^^^^^
    Product.objects.filter(pk=pk).delete()
    return redirect("products")


def create_product(request):  # Noncompliant
    form = ProductForm(request.POST)
    if form.is_valid():
        form.save()
    return redirect("products")


@shop_admin_only
def archive_product(request, pk):  # Compliant: a project decorator named for access control
    Product.objects.filter(pk=pk).update(archived=True)
    return redirect("products")


def cancel_order(request, pk):  # Compliant: checks the user inline
    if not request.user.is_authenticated:
        raise PermissionDenied
    Order.objects.filter(pk=pk, user=request.user).delete()
    return redirect("orders")


def password_reset(request):  # Compliant: public by design
    Order.objects.filter(email=request.POST["email"]).update(reset=True)
    return redirect("done")


@require_GET
def product_detail(request, pk):  # Compliant: reads only
    return HttpResponse(get_object_or_404(Product, pk=pk).name)


def product_search(request):  # Compliant: no write
    return HttpResponse(Product.objects.filter(name__icontains=request.GET["q"]))


@login_required
def approve_order(request, pk):
    order = get_object_or_404(Order, pk=pk)
    perform_approve(request, order)
    return redirect("orders")


def perform_approve(request, order):  # Compliant: a helper the protected view calls
    order.approved = True
    order.save()
