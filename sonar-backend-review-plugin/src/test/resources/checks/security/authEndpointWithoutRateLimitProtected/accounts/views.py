from django.contrib.auth import authenticate
from django.contrib.auth.views import LoginView
from django.http import HttpResponse
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response
from rest_framework.views import APIView


def login_view(request):
    # django-axes counts the failures of authenticate()
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    return HttpResponse(status=200 if user else 401)


class ApiLogin(APIView):
    # DEFAULT_THROTTLE_CLASSES applies
    def post(self, request):
        user = authenticate(request, username=request.data["username"], password=request.data["password"])
        return Response({"ok": user is not None})


class CustomTokenView(ObtainAuthToken):
    pass


class SiteLoginView(LoginView):
    template_name = "login.html"
