import hashlib
import hmac

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from .models import Comment, Profile, Subscription


@csrf_exempt  # Noncompliant {{Verify this CSRF exemption: the view writes for the user of the session cookie and checks no token or signature; remove "csrf_exempt" or authenticate the request another way.}}
#^^^^^^^^^^^
def post_comment(request):
    Comment.objects.create(author=request.user, text=request.POST["text"])
    return HttpResponse(status=201)


@csrf_exempt  # Noncompliant
@login_required
def update_profile(request):
    profile = Profile.objects.get(pk=request.POST["id"])
    profile.bio = request.POST["bio"]
    profile.save()
    return HttpResponse()


class UnsubscribeView(View):
    @method_decorator(csrf_exempt)  # Noncompliant
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        Subscription.objects.filter(user=request.user).delete()
        return HttpResponse()


@method_decorator(csrf_exempt, name="dispatch")  # Noncompliant
class DeleteAccountView(LoginRequiredMixin, View):
    def post(self, request):
        Profile.objects.filter(pk=request.POST["id"]).delete()
        return HttpResponse()


@csrf_exempt  # Compliant: a webhook that verifies the sender's HMAC signature
def stripe_webhook(request):
    expected = hmac.new(b"secret", request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        return HttpResponse(status=403)
    Subscription.objects.filter(user=request.user).update(active=False)
    return HttpResponse()


@csrf_exempt  # Compliant: token-authenticated API
def api_comment(request):
    user = authenticate_token(request.headers.get("Authorization"))
    Comment.objects.create(author=user, text=request.POST["text"])
    return JsonResponse({})


@csrf_exempt  # Compliant: signed data
def signed_action(request):
    data = signing.loads(request.POST["payload"])
    Comment.objects.filter(pk=data["id"]).delete()
    return HttpResponse()


@csrf_exempt  # Compliant: no session identity, nothing a forged request could do for a victim
def archive(request):
    Comment.objects.create(text=request.POST["text"])
    return HttpResponse()


@csrf_exempt  # Compliant: reads the user but changes nothing
def whoami(request):
    return JsonResponse({"user": request.user.username})


@login_required
def edit(request):  # Compliant: CSRF-protected
    Comment.objects.create(author=request.user, text=request.POST["text"])
    return HttpResponse()


def authenticate_token(header):
    return None
