from django.db import models


class Profile(models.Model):
    display_name = models.CharField(max_length=50)
    is_staff = models.BooleanField(default=False)
