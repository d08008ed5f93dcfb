from django.urls import path, re_path

from shop import views

urlpatterns = [
    path("products/<int:pk>/", views.product_detail),
    path("categories/<str:category>/", views.category),
    re_path(r"^tags/(?P<tag>[^/]+)/$", views.by_tag),
]
