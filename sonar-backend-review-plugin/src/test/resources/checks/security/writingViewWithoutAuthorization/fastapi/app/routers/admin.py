from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from ..db import get_db
from ..dependencies import get_current_admin
from ..models import Item

router = APIRouter()


@router.post("/items")
def create_item(name: str, admin=Depends(get_current_admin), db: Session = Depends(get_db)):
    db.add(Item(name=name))
    db.commit()


@router.put("/items/{item_id}")
def rename_item(item_id: int, name: str, admin=Depends(get_current_admin), db: Session = Depends(get_db)):
    db.query(Item).filter(Item.id == item_id).update({"name": name})
    db.commit()


@router.delete("/items/{item_id}")
def delete_item(item_id: int, db: Session = Depends(get_db)):  # Compliant: main.py includes this router with a dependency
    db.query(Item).filter(Item.id == item_id).delete()
    db.commit()
