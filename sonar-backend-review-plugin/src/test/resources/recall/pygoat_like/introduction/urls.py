from django.urls import path

from introduction import views

urlpatterns = [
    path("sql_lab", views.sql_lab),
    path("cmd_lab", views.cmd_lab),
    path("ssrf_lab", views.ssrf_lab),
    path("xss_lab", views.xss_lab),
    path("insec_des_lab", views.insec_des_lab),
    path("a9_lab", views.a9_lab),
    path("redirect_lab", views.redirect_lab),
    path("file/<str:filename>", views.read_file),
    path("ssti/<str:template>", views.ssti_lab),
    path("users/<int:user_id>", views.user_detail),
]
