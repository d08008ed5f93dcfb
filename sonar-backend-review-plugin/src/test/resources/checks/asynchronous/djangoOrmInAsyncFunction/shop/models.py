from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=100)
    stock = models.IntegerField(default=0)

    async def touch(self):
        self.save()  # Noncompliant {{"self.save()" runs a synchronous Django ORM query in a coroutine and raises SynchronousOnlyOperation: use "asave()", or wrap the code with "sync_to_async".}}

    def sync_touch(self):
        self.save()
