from django.http import HttpResponse
from django_otp import match_token


def otp_view(request):  # Noncompliant {{Limit the attempts on this one-time code endpoint (django-axes or django-ratelimit's @ratelimit), or verify that a proxy does: without a limit, codes can be guessed at full speed.}}
    # django-axes guards authenticate(), not one-time codes
    device = match_token(request.user, request.POST["token"])
    return HttpResponse(status=200 if device else 401)
