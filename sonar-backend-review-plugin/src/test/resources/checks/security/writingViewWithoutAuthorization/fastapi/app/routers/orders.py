from fastapi import APIRouter, Depends, FastAPI
from fastapi.security import HTTPBearer

from ..db import get_db
from ..dependencies import get_current_user
from ..models import Order

bearer = HTTPBearer()
router = APIRouter(dependencies=[Depends(bearer)])


@router.post("/orders")
def create_order(user=Depends(get_current_user), db=Depends(get_db)):
    db.add(Order(user=user))
    db.commit()


@router.post("/orders/{order_id}/cancel")
def cancel_order(order_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    db.query(Order).filter(Order.id == order_id).update({"cancelled": True})
    db.commit()


@router.delete("/orders/{order_id}")
def delete_order(order_id: int, db=Depends(get_db)):  # Compliant: the router depends on the bearer scheme
    db.query(Order).filter(Order.id == order_id).delete()
    db.commit()


app = FastAPI(dependencies=[Depends(get_current_user)])


@app.post("/notes")
def create_note(user=Depends(get_current_user), db=Depends(get_db)):
    db.add(Order(user=user))


@app.put("/notes/{note_id}")
def update_note(note_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    db.add(Order(user=user))


@app.delete("/notes/{note_id}")
def delete_note(note_id: int, db=Depends(get_db)):  # Compliant: the application depends on the current user
    db.query(Order).filter(Order.id == note_id).delete()
