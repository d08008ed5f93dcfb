from django.conf import settings
from django.conf.urls import url
from django.contrib import admin
from django.urls import include, path, re_path

from shop import views

urlpatterns = [
    path("admin/", admin.site.urls),  # Noncompliant {{Mount the admin under a path of your own instead of "admin/", and restrict who can reach it: the default path is the first one scanners and password-guessing bots try.}}
#        ^^^^^^^^
    re_path(r"^admin/", admin.site.urls),  # Noncompliant
    url(r"^admin/", include(admin.site.urls)),  # Noncompliant
    # Compliant look-alikes
    path("staff-7f3a/", admin.site.urls),
    path(settings.ADMIN_URL, admin.site.urls),
    path("admin/", include("shop.admin_urls")),
    path("admin/reports/", views.reports),
    path("admin/doc/", include("django.contrib.admindocs.urls")),
]


def path_of_my_own(route, view):
    return (route, view)


other = [path_of_my_own("admin/", admin.site.urls)]
