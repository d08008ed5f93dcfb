from django.conf import settings
from django.db import models


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    nickname = models.CharField(max_length=30)


class Team(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=50)


class Membership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE)
    email = models.EmailField()
    role = models.CharField(max_length=10)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "email"], name="one_membership")]


class Tag(models.Model):
    label = models.CharField(max_length=30)
    color = models.CharField(max_length=7)


class Country(models.Model):
    code = models.CharField(max_length=2, primary_key=True)
    name = models.CharField(max_length=50)


class Invitation(models.Model):
    email = models.EmailField()
    token = models.CharField(max_length=64)
    sent_at = models.DateTimeField()
