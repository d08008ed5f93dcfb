from django.db import models, transaction


class ThrottlingMixin(models.Model):
    failure_count = models.PositiveIntegerField(default=0)

    def throttle_increment(self):
        # Compliant: Device.from_persistent_id(for_verify=True) locks the row; the verify functions call this on that instance
        self.failure_count += 1
        self.save()

    class Meta:
        abstract = True


class Device(models.Model):
    name = models.CharField(max_length=64)

    @classmethod
    def from_persistent_id(cls, pk, for_verify=False):
        devices = cls.objects.filter(pk=pk)
        if for_verify:
            devices = devices.select_for_update()
        return devices.first()


class Wallet(models.Model):
    balance = models.IntegerField(default=0)


def _debit(wallet: Wallet, amount):
    # Compliant: the caller's caller locked the row (pay -> _charge -> _debit)
    wallet.balance -= amount
    wallet.save()


def _charge(wallet, amount):
    _debit(wallet, amount)


def pay(request, pk, amount):
    with transaction.atomic():
        wallet = Wallet.objects.select_for_update().get(pk=pk)
        _charge(wallet, amount)
