from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from .models import Comment


@login_required
def my_comments(request):
    return redirect("comments")


def post_comment(request):  # Compliant: only one sibling requires a login; the module is a public one
    Comment.objects.create(text=request.POST["text"])
    return redirect("comments")
