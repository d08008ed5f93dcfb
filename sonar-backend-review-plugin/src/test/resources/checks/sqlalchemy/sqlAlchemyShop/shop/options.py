from sqlalchemy.orm import selectinload

from shop.models import Customer


def eager_customer():
    return selectinload(Customer.orders)
