import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.utils import OperationalError

from shop.models import Coupon, Redemption

log = logging.getLogger(__name__)


def redeem(coupon_code, user_id):
    with transaction.atomic():
#        ^^^^^^^^^^^^^^^^^^^^> {{Enclosing transaction}}
        coupon = Coupon.objects.get(code=coupon_code)
        try:
            Redemption.objects.create(coupon=coupon, user_id=user_id)
        except IntegrityError:  # Noncompliant {{Wrap the statements that may fail in a nested "transaction.atomic()": catching IntegrityError here leaves the enclosing transaction broken.}}
#              ^^^^^^^^^^^^^^
            log.info("already redeemed")
        coupon.save()


@transaction.atomic
def import_codes(codes):
    for code in codes:
        try:
            Coupon.objects.create(code=code)
        except (ValueError, DatabaseError):  # Noncompliant
            continue


@transaction.atomic(savepoint=False)
def touch(coupon):
    try:
        coupon.save()
    except OperationalError as error:  # Noncompliant
        log.warning("retry later: %s", error)


# Compliant look-alikes

def redeem_with_savepoint(coupon_code, user_id):
    with transaction.atomic():
        coupon = Coupon.objects.get(code=coupon_code)
        try:
            with transaction.atomic():
                Redemption.objects.create(coupon=coupon, user_id=user_id)
        except IntegrityError:
            log.info("already redeemed")
        coupon.save()


def atomic_inside_try(coupon_code, user_id):
    try:
        with transaction.atomic():
            Redemption.objects.create(coupon_id=1, user_id=user_id)
    except IntegrityError:
        log.info("already redeemed")


@transaction.atomic
def reraise(code):
    try:
        Coupon.objects.create(code=code)
    except IntegrityError:
        log.error("duplicate %s", code)
        raise


@transaction.atomic
def other_errors(code):
    try:
        int(code)
    except (ValueError, KeyError):
        pass


def deferred(code):
    with transaction.atomic():
        def later():
            try:
                Coupon.objects.create(code=code)
            except IntegrityError:
                pass
        transaction.on_commit(later)


@transaction.atomic
def mark_used(coupon):
    # Django raises "Save with update_fields did not affect any rows" itself: no statement failed, the transaction is fine
    try:
        coupon.save(update_fields=["used"])
    except DatabaseError:
        log.info("coupon deleted meanwhile")
    Redemption.objects.filter(coupon_id=coupon.pk).delete()


@transaction.atomic
def mark_used_and_query(coupon):
    try:
        coupon.save(update_fields=["used"])
        Redemption.objects.filter(coupon_id=coupon.pk).update(done=True)
    except DatabaseError:  # Noncompliant
        log.info("failed")


@transaction.atomic
def full_save(coupon):
    try:
        coupon.save()
    except DatabaseError:  # Noncompliant
        log.info("failed")
