from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url

from .compat import url_has_allowed_host_and_scheme


def next_redirect(request, fallback, **get_kwargs):
    # django-contrib-comments: checked, then extended with an anchor and query arguments
    next = request.POST.get("next")
    if not url_has_allowed_host_and_scheme(url=next, allowed_hosts={request.get_host()}):
        next = resolve_url(fallback)

    if get_kwargs:
        if "#" in next:
            tmp = next.rsplit("#", 1)
            next = tmp[0]
            anchor = "#" + tmp[1]
        else:
            anchor = ""

        joiner = ("?" in next) and "&" or "?"
        next += joiner + urlencode(get_kwargs) + anchor
    return HttpResponseRedirect(next)
