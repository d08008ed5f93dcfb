from django.db import models


class Notification(models.Model):
    read = models.BooleanField(default=False)
