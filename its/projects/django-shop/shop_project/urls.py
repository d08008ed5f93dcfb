from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from catalog.views import ProductViewSet
from orders import views as order_views

router = DefaultRouter()
router.register("products", ProductViewSet, basename="product")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(router.urls)),
    path("orders/<int:order_id>/pay/", order_views.pay_order, name="pay-order"),
    path("products/<int:product_id>/reserve/", order_views.reserve_stock, name="reserve-stock"),
]
