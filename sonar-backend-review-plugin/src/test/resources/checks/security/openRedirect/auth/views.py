from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from rest_framework.decorators import api_view

app = FastAPI()
ALLOWED_RETURN_PATHS = {"/", "/dashboard"}


def login_done(request):
    return redirect(request.GET.get("next"))  # Noncompliant {{Check that the request parameter "next" (line 15) points to this site (url_has_allowed_host_and_scheme() or an allow-list) before redirecting to it.}}


def logout_done(request):
    # compliant: a form POSTed to a CSRF-protected view; another site cannot make the browser send it
    target = request.POST.get("next", "/")
    return HttpResponseRedirect(target)


@csrf_exempt
def logout_done_exempt(request):
    target = request.POST.get("next", "/")
    return HttpResponseRedirect(target)  # Noncompliant


@api_view(["GET"])
def go(request):
    return redirect("/" + request.query_params["path"])  # Noncompliant


@app.get("/continue")
def continue_to(url: str):
    return RedirectResponse(url)  # Noncompliant


def resume_unchecked(request):
    target = request.GET.get("next", "/")
    if is_safe_url(request.path):
        return redirect(target)  # Noncompliant
    return redirect("/")


def refresh_found(request):
    response = HttpResponseRedirect(request.GET.get("next", ""))  # Noncompliant
    response.status_code = 303
    return response


# Compliant look-alikes

def login_done_checked(request):
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=True):
        next_url = "/"
    return redirect(next_url)


def order_page(request):
    order_id = request.GET["order"]
    return redirect(f"/orders/{order_id}/")


def search_page(request):
    return HttpResponseRedirect(reverse("search") + "?q=" + request.GET.get("q", ""))


@app.get("/back")
def back(path: str = "/"):
    if path not in ALLOWED_RETURN_PATHS:
        path = "/"
    return RedirectResponse(path)


def is_safe_url(url):
    # the project's own validator (Django < 4 style)
    return bool(url) and url.startswith("/") and not url.startswith("//")


def _redirect_target(request):
    target = request.GET.get("next", "")
    if is_safe_url(target):
        return target
    return reverse("index")


def dismiss(request):
    return HttpResponseRedirect(_redirect_target(request))


def resume(request):
    target = request.GET.get("next", "/")
    if not is_safe_url(target):
        target = "/"
    return redirect(target)


def refresh(request):
    # not followed: the view turns it into a 200 page
    response = HttpResponseRedirect(request.GET.get("next", ""))
    response.status_code = 200
    return response



def cas_login(request):
    next_page = request.GET.get("next")
    if request.user.is_authenticated:
        return HttpResponseRedirect(next_page)  # Noncompliant
    return HttpResponseRedirect(next_page)  # one mistake, one finding: this call is a secondary location of the issue above
