from django.db import models


class login(models.Model):
    user = models.CharField(max_length=200)
    password = models.CharField(max_length=300)


class Blog(models.Model):
    title = models.CharField(max_length=200)
    content = models.TextField()
