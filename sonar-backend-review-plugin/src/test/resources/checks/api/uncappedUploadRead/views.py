from django.http import JsonResponse
from django.views import View


def upload(request):
    data = request.FILES["attachment"].read()  # Noncompliant {{Iterate over "request.FILES["attachment"].chunks()" or reject it above a maximum size first: "request.FILES["attachment"].read()" loads the whole upload into memory.}}
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    return JsonResponse({"n": len(data)})


def upload_named(request):
    attachment = request.FILES.get("attachment")
    content = attachment.read()  # Noncompliant
    return JsonResponse({"n": len(content)})


def upload_many(request):
    total = 0
    for uploaded in request.FILES.getlist("files"):
        total += len(uploaded.read())  # Noncompliant
    return JsonResponse({"n": total})


class UploadView(View):
    def post(self, request):
        return JsonResponse({"n": len(self.request.FILES["f"].read())})  # Noncompliant


# Compliant look-alikes

def upload_chunks(request):
    with open("/tmp/out", "wb") as out:
        for chunk in request.FILES["attachment"].chunks():
            out.write(chunk)
    return JsonResponse({})


def upload_checked(request):
    attachment = request.FILES["attachment"]
    if attachment.size > 5 * 1024 * 1024:
        return JsonResponse({}, status=413)
    return JsonResponse({"n": len(attachment.read())})


def upload_bounded(request):
    return JsonResponse({"n": len(request.FILES["attachment"].read(1024))})


def body_is_capped_by_django(request):
    return JsonResponse({"n": len(request.body)})


def not_request_files(request, other):
    return JsonResponse({"n": len(other.FILES["x"].read())})
