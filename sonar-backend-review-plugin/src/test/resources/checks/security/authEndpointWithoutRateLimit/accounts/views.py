import pyotp
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import LoginView
from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django_otp import match_token
from django_ratelimit.decorators import ratelimit
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import api_view, throttle_classes
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from accounts.base import PlainAPIView, ThrottledAPIView


def login_view(request):  # Noncompliant {{Limit the attempts on this login endpoint (django-axes or django-ratelimit's @ratelimit), or verify that a proxy does: without a limit, passwords can be guessed at full speed.}}
#   ^^^^^^^^^^
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^< {{The credential is checked here.}}
    if user is None:
        return HttpResponse(status=401)
    login(request, user)
    return HttpResponse()


# Compliant look-alikes: limited by django-ratelimit's decorator, or by a call in the body

@ratelimit(key="ip", rate="5/m", block=True)
def limited_login_view(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    return HttpResponse(status=200 if user else 401)


def self_limited_login_view(request):
    if is_ratelimited(request, group="login", key="ip", rate="5/m", increment=True):
        return HttpResponse(status=429)
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    return HttpResponse(status=200 if user else 401)


def otp_view(request):  # Noncompliant {{Limit the attempts on this one-time code endpoint (django-axes or django-ratelimit's @ratelimit), or verify that a proxy does: without a limit, codes can be guessed at full speed.}}
    device = match_token(request.user, request.POST["token"])
    return HttpResponse(status=200 if device else 401)


def totp_view(request):  # Noncompliant
    totp = pyotp.TOTP(request.user.profile.otp_secret)
    return JsonResponse({"ok": totp.verify(request.POST["code"])})


def password_reset_view(request):  # Noncompliant {{Limit the attempts on this password reset endpoint (django-axes or django-ratelimit's @ratelimit), or verify that a proxy does: without a limit, reset mails can be sent at full speed.}}
    form = PasswordResetForm(request.POST)
    if form.is_valid():
        form.save(request=request)
    return HttpResponse()


@login_required
def change_password_view(request):
    # a password re-check behind a login: the session is the credential
    if not request.user.check_password(request.POST["old_password"]):
        return HttpResponse(status=400)
    request.user.set_password(request.POST["new_password"])
    request.user.save()
    return HttpResponse()


def profile_view(request):
    return JsonResponse({"name": request.user.get_username()})


class SignInView(View):
    def post(self, request):  # Noncompliant
        user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
        return HttpResponse(status=200 if user else 401)


@method_decorator(ratelimit(key="ip", rate="5/m"), name="post")
class LimitedSignInView(View):
    def post(self, request):
        user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
        return HttpResponse(status=200 if user else 401)


class ApiLogin(APIView):
    def post(self, request):  # Noncompliant {{Limit the attempts on this login endpoint (DRF "throttle_classes" or django-axes), or verify that a proxy does: without a limit, passwords can be guessed at full speed.}}
        user = authenticate(request, username=request.data["username"], password=request.data["password"])
        return Response({"ok": user is not None})


class ApiLoginWithoutThrottles(APIView):
    throttle_classes = []

    def post(self, request):  # Noncompliant
        user = authenticate(request, username=request.data["username"], password=request.data["password"])
        return Response({"ok": user is not None})


class ThrottledApiLogin(APIView):
    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    def post(self, request):
        user = authenticate(request, username=request.data["username"], password=request.data["password"])
        return Response({"ok": user is not None})


class InheritedThrottleLogin(ThrottledAPIView):
    def post(self, request):
        user = authenticate(request, username=request.data["username"], password=request.data["password"])
        return Response({"ok": user is not None})


class PlainBaseLogin(PlainAPIView):
    # a project base whose own bases cannot be read to the end: its throttle_classes is unknown, the rule stays silent
    def post(self, request):
        user = authenticate(request, username=request.data["username"], password=request.data["password"])
        return Response({"ok": user is not None})


@api_view(["POST"])
def api_login(request):  # Noncompliant
    user = authenticate(request, username=request.data["username"], password=request.data["password"])
    return Response({"ok": user is not None})


@api_view(["POST"])
@throttle_classes([AnonRateThrottle])
def throttled_api_login(request):
    user = authenticate(request, username=request.data["username"], password=request.data["password"])
    return Response({"ok": user is not None})


class CustomTokenView(ObtainAuthToken):  # Noncompliant {{Limit the attempts on this token endpoint (DRF "throttle_classes" or django-axes), or verify that a proxy does: without a limit, passwords can be guessed at full speed.}}
#     ^^^^^^^^^^^^^^^
    pass


class ThrottledTokenView(TokenObtainPairView):
    throttle_classes = [AnonRateThrottle]


class RefreshView(TokenRefreshView):
    # a refresh token is not guessable
    pass


class SiteLoginView(LoginView):  # Noncompliant
    template_name = "login.html"


class SessionUserView(APIView):
    def get(self, request):
        return Response({"user": request.user.username})


def authenticate_helper(username, password):
    # not a request handler
    return authenticate(username=username, password=password)
