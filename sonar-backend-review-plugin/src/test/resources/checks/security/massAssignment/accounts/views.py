import json

from django.http import JsonResponse
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from accounts.models import Note, Profile, Tag

EDITABLE = {"display_name"}


def create_profile(request):
    profile = Profile.objects.create(**request.POST.dict())  # Noncompliant {{Copy only the fields a client may set: "Profile.objects.create()" receives every key of the form data (line 14).}}
    return JsonResponse({"id": profile.pk})


def update_profile(request, pk):
    data = json.loads(request.body)
    Profile.objects.filter(pk=pk).update(**data)  # Noncompliant
    profile = Profile(**data)  # one mistake, one finding: the same data here is a secondary location of the issue above
    for key, value in data.items():
        setattr(profile, key, value)  # and here
    profile.save()
    return JsonResponse({})


def replace_profile(request):
    profile = Profile(**json.loads(request.body))  # Noncompliant
    profile.save()
    return JsonResponse({})


def patch_profile(request, pk):
    profile = Profile.objects.get(pk=pk)
    for key, value in json.loads(request.body).items():
        setattr(profile, key, value)  # Noncompliant {{Check the attribute names from the request body (line 36) against an allow-list before calling setattr(): a client can set any attribute.}}
    profile.save()
    return JsonResponse({})


@api_view(["POST"])
def create_profile_api(request):
    profile = Profile.objects.create(**request.data)  # Noncompliant
    return Response({"id": profile.pk})


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = Profile
        fields = "__all__"  # Noncompliant {{List the fields of this serializer instead of "__all__": clients can set "is_staff", and every field added to the model later.}}


# Compliant look-alikes

def create_profile_explicit(request):
    profile = Profile.objects.create(display_name=request.POST["display_name"])
    return JsonResponse({"id": profile.pk})


def update_profile_allow_listed(request, pk):
    data = json.loads(request.body)
    profile = Profile.objects.get(pk=pk)
    for key, value in data.items():
        if key in EDITABLE:
            setattr(profile, key, value)
    fields = {key: data[key] for key in EDITABLE if key in data}
    Profile.objects.filter(pk=pk).update(**fields)
    profile.save()
    return JsonResponse({})


@api_view(["POST"])
def create_profile_validated(request):
    serializer = ProfileWriteSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    profile = Profile.objects.create(**serializer.validated_data)
    return Response({"id": profile.pk})


class ProfileWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Profile
        fields = ["display_name"]


class PlainSerializer(serializers.Serializer):
    class Meta:
        fields = "__all__"


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = "__all__"  # a tag has nothing a client must not choose


class NoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Note
        fields = "__all__"  # Noncompliant {{List the fields of this serializer instead of "__all__": clients can set "owner", and every field added to the model later.}}


class ReadOnlyOwnerNoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Note
        fields = "__all__"
        read_only_fields = ["owner"]


class CurrentOwnerNoteSerializer(serializers.ModelSerializer):
    owner = serializers.HiddenField(default=serializers.CurrentUserDefault())

    class Meta:
        model = Note
        fields = "__all__"
