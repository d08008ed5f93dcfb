from django.db import models


class Coupon(models.Model):
    code = models.CharField(max_length=20, unique=True)


class Redemption(models.Model):
    coupon = models.ForeignKey(Coupon, on_delete=models.CASCADE)
    user_id = models.IntegerField()

    class Meta:
        unique_together = ("coupon", "user_id")
