# Labelled taint suite: Django, open redirects and reflected XSS.
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


def is_safe_redirect(request, url):
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())


def login_done(request):
    return HttpResponseRedirect(request.GET.get("next", "/"))  # fire: OpenRedirect


def login_done_checked(request):
    target = request.GET.get("next", "/")
    if not is_safe_redirect(request, target):
        target = "/"
    return HttpResponseRedirect(target)  # safe: OpenRedirect


def login_done_helper(request):
    target = request.GET.get("next", "/")
    if not safe_target(request, target):
        target = reverse("home")
    return redirect(target)  # safe: OpenRedirect


def safe_target(request, url):
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})


def pick_next(request):
    candidates = [request.GET.get("next"), request.GET.get("return_to")]
    allowed = [url for url in candidates if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})]
    return redirect(allowed[0] if allowed else "/")  # safe: OpenRedirect


def reverse_prefixed(request):
    section = request.GET.get("section", "")
    return redirect(reverse("settings") + "#" + section)  # safe: OpenRedirect


@require_POST
def save_and_return(request):
    return redirect(request.POST.get("next", "/"))  # safe: OpenRedirect


@csrf_exempt
@require_POST
def webhook_return(request):
    return redirect(request.POST.get("next", "/"))  # fire: OpenRedirect


def search(request):
    query = request.GET.get("q", "")
    return HttpResponse("<p>Results for " + query + "</p>")  # fire: ReflectedXss


@require_POST
def preview(request):
    body = request.POST.get("body", "")
    return HttpResponse("<div>" + body + "</div>")  # safe: ReflectedXss


def header_echo(request):
    response = HttpResponse("<p>ok</p>")  # safe: ReflectedXss
    response["X-Request-Id"] = request.GET.get("rid", "")
    return response


def plain_text(request):
    query = request.GET.get("q", "")
    return HttpResponse("Results for " + query, content_type="text/plain")  # safe: ReflectedXss
