from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.http import JsonResponse

import secrets
import uuid

from django.utils import timezone

from accounts.models import Country, Invitation, Membership, Profile, Tag, Team


def join(request, team_slug):
    team = Team.objects.get(slug=team_slug)
    if not Membership.objects.filter(team=team, email=request.POST["email"]).exists():  # Noncompliant {{Replace this check-then-create with get_or_create() on a unique constraint, or create and catch IntegrityError: two concurrent requests can both pass this check.}}
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        Membership.objects.create(team=team, email=request.POST["email"], role="member")
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^< {{Created after the check}}
    return JsonResponse({"ok": True})


def tag(request):
    label = request.POST["label"]
    if Tag.objects.filter(label=label).count() == 0:  # Noncompliant
        new = Tag(label=label, color="#000000")
        new.save()
    if Tag.objects.filter(label=label).exists():  # Noncompliant
        pass
    else:
        Tag.objects.create(label=label, color="#ffffff")
    return JsonResponse({"ok": True})


def profile(request):
    try:
        found = Profile.objects.get(user=request.user)  # Noncompliant {{Replace this get-then-create with get_or_create() on a unique constraint, or create and catch IntegrityError: two concurrent requests can both miss the row and create it.}}
    except Profile.DoesNotExist:
        found = Profile.objects.create(user=request.user, nickname=request.user.username)
    return JsonResponse({"nickname": found.nickname})


def team(request):
    try:
        return Team.objects.get(slug=request.GET["slug"])  # Noncompliant
    except ObjectDoesNotExist:
        return Team.objects.create(slug=request.GET["slug"], name=request.GET["slug"])


def tags(request):
    found, _ = Tag.objects.get_or_create(label=request.POST["label"], defaults={"color": "#000000"})  # Noncompliant {{Add a unique constraint on label for this get_or_create(): without one, concurrent calls create duplicates and later calls fail with MultipleObjectsReturned.}}
    Tag.objects.update_or_create(label=request.POST["label"], color="#000000")  # Noncompliant
    return JsonResponse({"id": found.pk})


# Compliant look-alikes

def unique_lookups(request, team):
    Profile.objects.get_or_create(user=request.user, defaults={"nickname": "x"})
    Team.objects.get_or_create(slug=request.POST["slug"], defaults={"name": "x"})
    Membership.objects.get_or_create(team=team, email=request.POST["email"], defaults={"role": "member"})
    Membership.objects.update_or_create(team_id=team.pk, email=request.POST["email"], role="owner")
    Tag.objects.get_or_create(pk=request.POST["pk"])


def create_and_catch(request, team):
    try:
        with transaction.atomic():
            Membership.objects.create(team=team, email=request.POST["email"], role="member")
    except IntegrityError:
        pass


def check_other_model(request, team):
    if not Team.objects.filter(slug="x").exists():
        Tag.objects.create(label="x", color="#000000")


def check_then_update(request):
    if Tag.objects.filter(label="x").exists():
        Tag.objects.filter(label="x").update(color="#ff0000")


def unknown_lookups(request, lookup):
    Tag.objects.get_or_create(**lookup)
    Tag.objects.filter(color="#000").get_or_create(label="x")


def lookup_not_found(request):
    try:
        return Tag.objects.get(label="x")
    except Tag.DoesNotExist:
        return None


def primary_key_lookups(request):
    # pk is the primary key whatever its field is called (here "code")
    Country.objects.get_or_create(pk=request.POST["code"], defaults={"name": "x"})
    Country.objects.get_or_create(code=request.POST["code"], defaults={"name": "x"})
    Country.objects.get_or_create(name=request.POST["name"])  # Noncompliant


def fresh_lookups(request):
    # a lookup on a value made just now matches no existing row: a collision test, not a race
    token = secrets.token_urlsafe(32)
    while Invitation.objects.filter(token=token).exists():
        token = secrets.token_urlsafe(32)
    if not Invitation.objects.filter(token=token).exists():
        Invitation.objects.create(email=request.POST["email"], token=token, sent_at=timezone.now())
    try:
        Invitation.objects.get(token=uuid.uuid4().hex)
    except Invitation.DoesNotExist:
        Invitation.objects.create(email=request.POST["email"], token="x", sent_at=timezone.now())
    Invitation.objects.get_or_create(email=request.POST["email"], sent_at=timezone.now())
    Invitation.objects.get_or_create(email=request.POST["email"], token=str(uuid.uuid4()))
    Invitation.objects.get_or_create(email=request.POST["email"], token=request.POST["token"])  # Noncompliant
