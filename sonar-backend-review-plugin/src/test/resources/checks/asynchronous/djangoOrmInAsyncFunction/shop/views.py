from asgiref.sync import sync_to_async
from django.http import JsonResponse

from shop.models import Product


async def product_detail(request, pk):
    product = Product.objects.get(pk=pk)  # Noncompliant {{"Product.objects.get()" runs a synchronous Django ORM query in a coroutine and raises SynchronousOnlyOperation: use "aget()", or wrap the code with "sync_to_async".}}
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^
    return JsonResponse({"name": product.name})


async def product_list(request):
    names = []
    for product in Product.objects.filter(stock__gt=0):  # Noncompliant {{Iterating over this queryset in a coroutine runs a synchronous query and raises SynchronousOnlyOperation: use "async for", or wrap the code with "sync_to_async".}}
        names.append(product.name)
    in_stock = Product.objects.filter(stock__gt=0)
    total = len(in_stock)  # Noncompliant
    count = Product.objects.count()  # Noncompliant
    return JsonResponse({"names": names, "total": total, "count": count})


async def restock(request, pk):
    product = Product.objects.create(name="x")  # Noncompliant
    product.stock += 1
    product.save()  # Noncompliant
    Product.objects.filter(pk=pk).update(stock=0)  # Noncompliant
    return JsonResponse({})


# Compliant look-alikes

async def product_detail_async(request, pk):
    product = await Product.objects.aget(pk=pk)
    names = [p.name async for p in Product.objects.filter(stock__gt=0)]
    await product.asave()
    return JsonResponse({"name": product.name, "names": names})


async def wrapped(request, pk):
    product = await sync_to_async(Product.objects.get)(pk=pk)
    items = await sync_to_async(list)(Product.objects.filter(stock__gt=0))
    return JsonResponse({"name": product.name, "n": len(items)})


async def lazy_only(request):
    # building a queryset does not query
    queryset = Product.objects.filter(stock__gt=0).order_by("name")
    return queryset


def sync_view(request, pk):
    product = Product.objects.get(pk=pk)
    for p in Product.objects.all():
        p.save()
    return JsonResponse({"name": product.name})


async def nested_sync(request, pk):
    @sync_to_async
    def load():
        return Product.objects.get(pk=pk)
    return await load()


async def plain_list(request, items):
    return len(items), list(items)
