from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from shop.models import Customer, Order


async def list_customers(session: AsyncSession):
    result = await session.execute(select(Customer).where(Customer.id > 0))
#                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^>
    return [{"id": c.id, "orders": len(c.orders)} for c in result.scalars()]  # Noncompliant {{Load "orders" eagerly with ".options(selectinload(Customer.orders))" on the query: this implicit lazy load on an AsyncSession raises MissingGreenlet.}}
#                                      ^^^^^^^^


async def list_orders(session: AsyncSession):
    orders = (await session.scalars(select(Order))).all()
    for order in orders:
        print(order.customer.name)  # Noncompliant


async def streamed(session: AsyncSession):
    async for order in await session.stream_scalars(select(Order)):
        print(order.customer)  # Noncompliant
    result = await session.stream(select(Customer))
    async for customer in result.scalars():
        print(customer.invoices)  # Noncompliant


async def one_customer(session: AsyncSession, customer_id: int):
    customer = await session.get(Customer, customer_id)
    if customer is None:
        return None
    return {"name": customer.name, "orders": [o.id for o in customer.orders]}  # Noncompliant


async def one_order(session: AsyncSession):
    result = await session.execute(select(Order).where(Order.id == 1))
    order = result.scalar_one()
    first = (await session.scalars(select(Order))).first()
    print(order.customer, first.customer)  # Noncompliant 2


# Compliant look-alikes

async def instances_eager_or_refreshed(session: AsyncSession):
    customer = await session.get(Customer, 1, options=[selectinload(Customer.orders)])
    print(customer.orders)
    order = await session.scalar(select(Order).options(selectinload(Order.customer)))
    print(order.customer)
    other = await session.get(Customer, 2)
    await session.refresh(other, ["orders"])
    print(other.orders)
    fresh = await session.get(Customer, 3)
    fresh.orders = []
    print(fresh.orders)
    row = (await session.execute(select(Customer))).first()
    print(row.orders)  # a Row


def sync_function(session):
    customer = session.get(Customer, 1)
    print(customer.orders)  # synchronous: one lazy load

async def eager(session: AsyncSession):
    orders = (await session.scalars(select(Order).options(selectinload(Order.customer)))).all()
    for order in orders:
        print(order.customer.name)
    for c in (await session.scalars(select(Customer))).all():
        print(c.addresses, c.id)


async def awaitable_attrs(session: AsyncSession):
    for c in await session.scalars(select(Customer)):
        print(await c.awaitable_attrs.orders)
