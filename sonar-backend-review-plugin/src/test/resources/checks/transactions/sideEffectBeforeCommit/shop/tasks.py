from celery import shared_task

from shop.celery import app


@shared_task
def send_receipt(order_id):
    pass


@app.task(bind=True, acks_late=True)
def sync_erp(self, order_id):
    pass


def not_a_task(order_id):
    pass
