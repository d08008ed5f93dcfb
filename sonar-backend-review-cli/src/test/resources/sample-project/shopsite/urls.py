from django.urls import path

from api import views

urlpatterns = [
    path("api/products/<int:product_id>/buy", views.buy),
    path("api/products/<int:product_id>/restock", views.restock),
    path("api/orders/<int:order_id>/cancel", views.cancel_order),
]
