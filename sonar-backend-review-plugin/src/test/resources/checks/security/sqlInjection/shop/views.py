from django.db import connection, connections
from django.db.models.expressions import RawSQL
from django.http import JsonResponse

from shop.models import Product

ORDERINGS = {"name": "name", "price": "price"}


def search(request):
    query = request.GET["q"]
#   ^^^^^> {{Assigned to "query".}}
#           ^^^^^^^^^^^^^^^^@-1> {{The request parameter "q" is read here.}}
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM shop_product WHERE name = '%s'" % query)  # Noncompliant {{Pass the request parameter "q" (line 11) as a bound query parameter instead of building this SQL query from it.}}
#       ^^^^^^^^^^^^^^
        return JsonResponse({"ids": [row[0] for row in cursor.fetchall()]})


def search_raw(request):
    name = request.POST.get("name", "")
    products = Product.objects.raw(f"SELECT * FROM shop_product WHERE name = '{name}'")  # Noncompliant
    return JsonResponse({"count": len(list(products))})


def search_extra(request):
    price = request.GET.get("max_price")
    products = Product.objects.filter(name__isnull=False).extra(where=["price < " + price])  # Noncompliant
    annotated = Product.objects.annotate(score=RawSQL("SELECT %s" % request.GET["score"], []))  # Noncompliant
    return JsonResponse({"count": products.count() + annotated.count()})


def category(request, category):
    cursor = connections["default"].cursor()
    cursor.execute("SELECT * FROM shop_product WHERE category = '{}'".format(category))  # Noncompliant {{Pass the URL parameter "category" (line 33) as a bound query parameter instead of building this SQL query from it.}}
    return JsonResponse({})


def by_tag(request, tag):
    return JsonResponse({"rows": fetch_by_tag(tag)})


def fetch_by_tag(tag):
    sql = "SELECT * FROM shop_product WHERE tag = '" + tag + "'"
    with connection.cursor() as c:
        c.execute(sql)  # Noncompliant {{Pass the URL parameter "tag" (line 39) as a bound query parameter instead of building this SQL query from it.}}
        return c.fetchall()


# Compliant look-alikes

def search_bound(request):
    query = request.GET["q"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM shop_product WHERE name = %s", [query])
        cursor.execute("SELECT id FROM shop_product WHERE name = %(name)s", {"name": query})
    return JsonResponse({})


def product_detail(request, pk):
    # an <int:pk> URL converter only lets digits through
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM shop_product WHERE id = {pk}")
    return JsonResponse({})


def sorted_products(request):
    ordering = ORDERINGS.get(request.GET.get("sort"), "name")
    page = int(request.GET.get("page", "1"))
    raw = Product.objects.raw(f"SELECT * FROM shop_product ORDER BY {ordering} LIMIT 20 OFFSET {page * 20}")
    return JsonResponse({"count": len(list(raw))})


def allow_listed(request):
    column = request.GET.get("column", "name")
    if column not in ("name", "price"):
        return JsonResponse({"error": "bad column"}, status=400)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM shop_product")
    return JsonResponse({})


def constant_sql(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM shop_product")
    return JsonResponse({})


def by_tag_safely(request, tag):
    return JsonResponse({"rows": fetch_by_tag_bound(tag)})


def fetch_by_tag_bound(tag):
    with connection.cursor() as c:
        c.execute("SELECT * FROM shop_product WHERE tag = %s", [tag])
        return c.fetchall()


def internal_maintenance(table):
    # not reachable from a request in this module
    with connection.cursor() as c:
        c.execute(f"ANALYZE {table}")


def sort_column(value):
    # a same-module helper that sanitises: only known column names come back
    if value in ORDERINGS:
        return ORDERINGS[value]
    return "name"


def sorted_by_helper(request):
    column = sort_column(request.GET.get("sort"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM shop_product ORDER BY {column}")
    return JsonResponse({})
