from celery import shared_task


@shared_task
def index_book(book_id):
    pass
