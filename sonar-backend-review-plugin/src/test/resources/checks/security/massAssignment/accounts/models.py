from django.db import models


class Profile(models.Model):
    display_name = models.CharField(max_length=50)
    is_staff = models.BooleanField(default=False)


class Tag(models.Model):
    name = models.CharField(max_length=50)
    description = models.TextField()


class Note(models.Model):
    text = models.TextField()
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
