from celery import shared_task


@shared_task
def send_confirmation(order):
    pass


@shared_task
def export(orders):
    pass


@shared_task
def welcome(user):
    pass
