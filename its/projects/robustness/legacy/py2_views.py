from django.http import HttpResponse
from shop.models import Product


def buy(request, product_id):
    product = Product.objects.get(pk=product_id)
    product.stock -= 1
    product.save()
    print "bought", product_id
    return HttpResponse(u"ok")


def ratio(a, b):
    if a <> b:
        return a / b
    return 0L
