from fastapi import Depends, FastAPI
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from shop.tables import Item

app = FastAPI()
ALLOWED_SORTS = {"name", "price"}


def get_db():
    pass


@app.get("/items")
def list_items(sort: str = "name", db: Session = Depends(get_db)):
    return db.execute(select(Item).order_by(text(sort))).scalars().all()  # Noncompliant {{Check the request parameter "sort" (line 16) against an allow-list of field names before passing it to order_by().}}


# Compliant look-alikes

@app.get("/items-sorted")
def list_items_sorted(sort: str = "name", db: Session = Depends(get_db)):
    if sort not in ALLOWED_SORTS:
        sort = "name"
    return db.execute(select(Item).order_by(text(sort))).scalars().all()


@app.get("/items-by-column")
def list_items_by_column(db: Session = Depends(get_db)):
    return db.execute(select(Item).order_by(Item.name)).scalars().all()
