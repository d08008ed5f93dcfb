from typing import List

from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, WriteOnlyMapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    orders: Mapped[List["Order"]] = relationship(back_populates="customer")
    addresses: Mapped[List["Address"]] = relationship(lazy="selectin")
    notes: Mapped[List["Note"]] = relationship(lazy="dynamic")
    tags: Mapped[List["Tag"]] = relationship(lazy="raise")
    invoices: Mapped[List["Invoice"]] = relationship(lazy="select")
    audit: WriteOnlyMapped["Note"] = relationship()

    @property
    def label(self):
        return self.name


class VipCustomer(Customer):
    rank: Mapped[int] = mapped_column(default=0)


class Order(Base):
    __tablename__ = "order"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    customer: Mapped["Customer"] = relationship(back_populates="orders")
    lines = relationship("Line", lazy="joined")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)


class Invoice(Base):
    __tablename__ = "invoice"
    id: Mapped[int] = mapped_column(primary_key=True)


class Line(Base):
    __tablename__ = "line"
    id: Mapped[int] = mapped_column(primary_key=True)


class Plain:
    orders = []
