from fastapi import APIRouter, Depends, HTTPException, Security
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

router = APIRouter()


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int]


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)


def get_db():
    ...


def get_current_user():
    ...


def get_current_admin():
    ...


@router.get("/orders/{order_id}")
def read_order(order_id: int, db: Session = Depends(get_db), user: User = Depends(get_current_user)):
    return db.get(Order, order_id)  # Noncompliant {{Verify that the user may access this "Order": it is loaded by the URL parameter "order_id" with no owner filter or permission check.}}


@router.delete("/orders/{order_id}")
def delete_order(order_id: int, db: Session = Depends(get_db), current_user: User = Depends(get_current_user)):
    order = db.query(Order).filter(Order.id == order_id).first()  # Noncompliant
    db.delete(order)
    db.commit()


@router.get("/orders")
def find_order(order_id: int, db: Session = Depends(get_db), user: User = Depends(get_current_user)):
    return db.execute(select(Order).where(Order.id == order_id)).scalar_one()  # Noncompliant {{Verify that the user may access this "Order": it is loaded by the query parameter "order_id" with no owner filter or permission check.}}


@router.get("/mine/{order_id}", dependencies=[Depends(get_current_user)])
def route_dependency(order_id: int, db: Session = Depends(get_db)):
    return db.query(Order).filter_by(id=order_id).one()  # Noncompliant


# Compliant look-alikes


@router.get("/own/{order_id}")
def read_own_order(order_id: int, db: Session = Depends(get_db), user: User = Depends(get_current_user)):
    return db.query(Order).filter(Order.id == order_id, Order.owner_id == user.id).first()


@router.get("/own2/{order_id}")
def read_own_order_select(order_id: int, db: Session = Depends(get_db), user: User = Depends(get_current_user)):
    return db.execute(select(Order).where(Order.id == order_id).where(Order.owner_id == user.id)).scalar_one()


@router.get("/checked/{order_id}")
def read_checked_order(order_id: int, db: Session = Depends(get_db), user: User = Depends(get_current_user)):
    order = db.get(Order, order_id)
    if order is None or order.owner_id != user.id:
        raise HTTPException(status_code=404)
    return order


@router.get("/admin/{order_id}")
def read_any_order(order_id: int, db: Session = Depends(get_db), admin: User = Depends(get_current_admin)):
    return db.get(Order, order_id)


@router.get("/scoped/{order_id}")
def read_scoped_order(order_id: int, db: Session = Depends(get_db), user: User = Security(get_current_user, scopes=["orders:admin"])):
    return db.get(Order, order_id)


@router.get("/public/{order_id}")
def read_public_order(order_id: int, db: Session = Depends(get_db)):
    # no authentication: SEC-23's concern
    return db.get(Order, order_id)


@router.get("/me")
def read_me(db: Session = Depends(get_db), user: User = Depends(get_current_user)):
    return db.get(User, user.id)
