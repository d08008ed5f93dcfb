from celery import shared_task


@shared_task
def notify(order_id):
    pass
