from celery import shared_task

from .models import Product


@shared_task(bind=True, max_retries=3)
def reindex_product(self, product_id):
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        return
    product.slug = product.name.lower().replace(" ", "-")
    product.save(update_fields=["slug"])


@shared_task
def deactivate_sold_out():
    Product.objects.filter(stock=0).update(active=False)
