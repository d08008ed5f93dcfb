from django.contrib.auth import views as auth_views
from django.urls import path
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.throttling import AnonRateThrottle
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from . import views

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="login.html")),  # Noncompliant
    path("password-reset/", auth_views.PasswordResetView.as_view()),  # Noncompliant {{Limit the attempts on this password reset endpoint (django-axes or django-ratelimit's @ratelimit), or verify that a proxy does: without a limit, reset mails can be sent at full speed.}}
    path("logout/", auth_views.LogoutView.as_view()),
    path("api/token/", TokenObtainPairView.as_view()),  # Noncompliant
    path("api/token/throttled/", TokenObtainPairView.as_view(throttle_classes=[AnonRateThrottle])),
    path("api/token/refresh/", TokenRefreshView.as_view()),
    path("api-token-auth/", obtain_auth_token),  # Noncompliant
    path("custom-token/", views.CustomTokenView.as_view()),
]
