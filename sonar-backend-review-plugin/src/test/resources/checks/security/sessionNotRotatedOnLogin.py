from django.contrib.auth import SESSION_KEY, authenticate, login as auth_login
from django.contrib.auth.hashers import check_password
from django.shortcuts import redirect, render
from django.views import View

from .models import Account


def login_view(request):
    account = Account.objects.get(email=request.POST["email"])
    if check_password(request.POST["password"], account.password):
        request.session["user_id"] = account.pk  # Noncompliant {{Call "request.session.cycle_key()" (or Django's "login()") before storing "user_id" in the session: a session id planted before the login would stay valid after it.}}
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        return redirect("home")
    return render(request, "login.html")


def sign_in(request):
    user = authenticate(request, username=request.POST["u"], password=request.POST["p"])
    if user is not None:
        request.session[SESSION_KEY] = str(user.pk)  # Noncompliant {{Call "request.session.cycle_key()" (or Django's "login()") before storing SESSION_KEY in the session: a session id planted before the login would stay valid after it.}}
    return redirect("home")


class LoginView(View):
    def process_post(self):
        if self.form.is_valid():
            self.request.session["username"] = self.form.cleaned_data["username"]  # Noncompliant
            self.request.session["authenticated"] = True
            return True
        return False


def login_rotated(request):
    account = Account.objects.get(email=request.POST["email"])
    if check_password(request.POST["password"], account.password):
        request.session.cycle_key()
        request.session["user_id"] = account.pk  # Compliant: new session key
    return redirect("home")


def login_flushed(request):
    user = authenticate(request, username=request.POST["u"], password=request.POST["p"])
    request.session.flush()
    request.session["user_id"] = user.pk  # Compliant: new, empty session
    return redirect("home")


def login_with_django(request):
    user = authenticate(request, username=request.POST["u"], password=request.POST["p"])
    auth_login(request, user)
    request.session["user_id"] = user.pk  # Compliant: login() cycled the key
    return redirect("home")


class RotatingLoginView(View):
    def post(self, request):
        request.session.cycle_key()
        return self.process_post()

    def process_post(self):
        self.request.session["authenticated"] = True  # Compliant: post() rotates the session first


def logout_view(request):
    request.session["user_id"] = None  # Compliant: clears the identity
    request.session["authenticated"] = False
    return redirect("home")


def set_session_from_user(request, user):
    request.session["user_id"] = user.id  # Compliant: a helper the login view calls after login()


def login_preferences(request):
    request.session["theme"] = request.POST["theme"]  # Compliant: not an identity key
    request.session["account_verified_email"] = request.POST["email"]


def test_login(client, request):
    request.session["user_id"] = 1  # Compliant: test code
