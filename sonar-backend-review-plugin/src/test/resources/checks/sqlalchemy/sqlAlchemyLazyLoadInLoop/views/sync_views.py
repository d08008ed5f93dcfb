from sqlalchemy import and_, select
from sqlalchemy.orm import Session, joinedload, selectinload, subqueryload, raiseload, contains_eager, Load
from sqlmodel import Session as ModelSession, select as model_select

from shop.models import Customer, VipCustomer, Order, Plain
from shop.flask_models import Author, Team, db
from shop import options as helpers


def report(session: Session):
    for customer in session.scalars(select(Customer)):
        print(customer.orders)  # Noncompliant {{Load "orders" eagerly with ".options(selectinload(Customer.orders))" on the query: reading this lazy relationship in the loop runs one query per Customer (N+1).}}
#             ^^^^^^^^^^^^^^^


def twenty_style(session: Session):
    stmt = select(Customer).where(Customer.name != "").order_by(Customer.id)
    customers = session.execute(stmt).scalars().all()
#               ^^^^^^^^^^^^^^^^^^^^^>
    for c in customers:
        total = len(c.orders)  # Noncompliant
#                   ^^^^^^^^
        for invoice in c.invoices:  # Noncompliant
            print(invoice)
        print(c.orders, c.name, c.addresses, c.notes.count(), c.label)


def one_x(session):
    return [len(c.orders) for c in session.query(Customer).filter(Customer.name == "x").all()]  # Noncompliant


def numbered(session: Session):
    for number, customer in enumerate(session.scalars(select(Customer))):
        print(number, customer.invoices)  # Noncompliant


def one_x_iterated_query(session):
    for order in session.query(Order).filter(Order.id > 10):
        print(order.customer.name)  # Noncompliant


def inherited(session: Session):
    for vip in session.scalars(select(VipCustomer)).unique().all():
        print(vip.invoices)  # Noncompliant


def flask_models():
    for author in Author.query.filter_by(id=1).all():
        print(author.books)  # Noncompliant
        print(author.awards)
    for author in db.session.execute(db.select(Author).order_by(Author.id)).scalars():
        print(author.books)  # Noncompliant
    for author in db.session.scalars(db.select(Author).options(db.selectinload(Author.books))):
        print(author.books)


def sqlmodel_models(session: ModelSession):
    for team in session.exec(model_select(Team)):
        print(team.heroes)  # Noncompliant
    for team in session.scalars(model_select(Team)):
        print(team.heroes)  # Noncompliant
        print(team.staff)


# Compliant look-alikes

def eager(session: Session):
    for c in session.scalars(select(Customer).options(selectinload(Customer.orders))):
        print(c.orders)
    stmt = select(Customer).options(joinedload(Customer.invoices), subqueryload(Customer.orders))
    for c in session.execute(stmt).unique().scalars():
        print(c.orders, c.invoices)
    for c in session.query(Customer).options(Load(Customer).selectinload("orders")):
        print(c.orders)
    for c in session.scalars(select(Customer).join(Customer.orders).options(contains_eager(Customer.orders))):
        print(c.orders)
    for o in session.query(Order).options(joinedload(Order.customer).selectinload(Customer.orders)):
        print(o.customer)


def wildcard_and_unknown_options(session: Session, opts):
    for c in session.scalars(select(Customer).options(raiseload("*"))):
        print(c.orders)
    for c in session.scalars(select(Customer).options(*opts)):
        print(c.orders)
    for c in session.scalars(select(Customer).options(helpers.eager_customer())):
        print(c.orders)
    for c in session.scalars(select(Customer).options(opts)):
        print(c.orders)


def not_entities(session: Session):
    for row in session.execute(select(Customer)):
        print(row.orders)  # rows, not instances
    for c in session.scalars(select(Customer.id)):
        print(c.orders)
    for c in session.scalars(select(Customer, Order)):
        print(c.orders)
    for p in session.query(Plain):
        print(p.orders)


def non_lazy_and_unknown(session: Session, customers):
    for o in session.scalars(select(Order)):
        print(o.lines)  # lazy="joined"
        print(o.customer_id)
    for c in session.scalars(select(Customer)):
        print(c.audit.select())  # WriteOnlyMapped: a query, never loaded
    for c in customers:
        print(c.orders)  # unknown origin
    for c in session.scalars(select(Customer)):
        c.orders = []
        print(c.orders)  # assigned in the loop
    stmt = select(Customer)
    stmt = stmt.options(selectinload(Customer.orders))
    for c in session.scalars(stmt):
        print(c.orders)  # statement rebound: unknown


def one_parent(session: Session, customer):
    for order in session.query(Order).filter_by(customer_id=1):
        print(order.customer.name)  # every order has the same customer: loaded once
    for order in session.scalars(select(Order).where(Order.customer == customer)):
        print(order.customer.name)
    for order in session.query(Order).filter(and_(Order.id > 1, Order.customer_id == customer.id)):
        print(order.customer.name)


def single_instance(session: Session):
    c = session.get(Customer, 1)
    print(c.orders)  # one lazy load, not N+1
    for c in session.scalars(select(Customer)):
        if c.name == "x":
            return c.orders  # leaves the loop
