from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Security
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from ..db import get_db
from ..deps import AdminUser
from ..models import Item, User
from ..schemas import ItemIn

router = APIRouter(prefix="/items")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


def current_user(token: str = Depends(oauth2_scheme), db: Session = Depends(get_db)) -> User:
    user = db.query(User).filter(User.token == token).first()
    if user is None:
        raise HTTPException(status_code=401)
    return user


CurrentUser = Annotated[User, Depends(current_user)]


@router.get("/")
def list_items(db: Session = Depends(get_db)):
    return db.query(Item).all()


@router.post("/")
def create_item(item: ItemIn, user: User = Depends(current_user), db: Session = Depends(get_db)):
    db.add(Item(**item.dict(), owner=user))
    db.commit()


@router.put("/{item_id}")
def update_item(item_id: int, item: ItemIn, user: CurrentUser, db: Session = Depends(get_db)):
    db.query(Item).filter(Item.id == item_id).update(item.dict())
    db.commit()


@router.patch("/{item_id}/price", dependencies=[Security(current_user, scopes=["items:write"])])
def set_price(item_id: int, price: float, db: Session = Depends(get_db)):
    db.query(Item).filter(Item.id == item_id).update({"price": price})
    db.commit()


@router.post("/{item_id}/publish")
def publish_item(item_id: int, admin: AdminUser, db: Session = Depends(get_db)):  # Compliant: an imported Annotated alias named for the user
    db.query(Item).filter(Item.id == item_id).update({"published": True})
    db.commit()


@router.delete("/{item_id}")
def delete_item(item_id: int, db: Session = Depends(get_db)):  # Noncompliant {{Verify that "delete_item" may be called by anyone: this DELETE route has no authentication dependency, while 4 routes of "router" declare one.}}
#   ^^^^^^^^^^^
    db.query(Item).filter(Item.id == item_id).delete()
    db.commit()


@router.post("/{item_id}/archive")
def archive_item(item_id: int, db: Session = Depends(get_db)):  # Noncompliant
    item = db.get(Item, item_id)
    item.archived = True
    db.commit()


@router.post("/search")
def search_items(query: ItemIn, db: Session = Depends(get_db)):  # Compliant: a POST that reads
    return db.query(Item).filter(Item.name.contains(query.name)).all()


@router.post("/token")
def issue_token(form: ItemIn, db: Session = Depends(get_db)):  # Compliant: an authentication endpoint
    db.add(Item(name=form.name))
    db.commit()


@router.post("/webhooks/stripe")
def stripe_webhook(payload: dict, db: Session = Depends(get_db)):  # Compliant: public by design
    db.add(Item(name=payload["name"]))
    db.commit()
