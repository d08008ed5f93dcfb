from django.views import View
from django.views.decorators.http import require_GET, require_POST
from rest_framework.decorators import api_view
from rest_framework.views import APIView

from shop.models import Notification


@require_GET
def mark_read(request, pk):
    notification = Notification.objects.get(pk=pk)
    notification.read = True
    notification.save()  # Noncompliant {{Move this write out of the GET handler "mark_read" into a POST, PUT, PATCH or DELETE endpoint: safe methods are not CSRF-protected and may be prefetched or retried.}}
    return None


@api_view(["GET"])
def purge(request):
    Notification.objects.filter(read=True).delete()  # Noncompliant
    return None


class NotificationView(APIView):
    def get(self, request, pk):
        Notification.objects.filter(pk=pk).update(read=True)  # Noncompliant
        return None

    # Compliant: writes in POST
    def post(self, request, pk):
        Notification.objects.filter(pk=pk).update(read=True)
        return None


# Compliant look-alikes

@require_POST
def mark_read_post(request, pk):
    notification = Notification.objects.get(pk=pk)
    notification.save()


@require_GET
def show(request, pk):
    return Notification.objects.get(pk=pk)


class Page(View):
    def get(self, request):
        return Notification.objects.filter(read=False).count()
