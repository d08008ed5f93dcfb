from django.db import models


class Account(models.Model):
    balance = models.DecimalField(max_digits=12, decimal_places=2)

    def withdraw(self, amount):
        self.balance -= amount
        self.save(
