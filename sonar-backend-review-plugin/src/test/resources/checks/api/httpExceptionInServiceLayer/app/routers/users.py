# Compliant: routers translate errors to HTTP
from fastapi import APIRouter, HTTPException

from app.services.users import UserNotFound, get_user_clean

router = APIRouter()


@router.get("/users/{user_id}")
def read_user(user_id: int):
    try:
        return get_user_clean(None, user_id)
    except UserNotFound:
        raise HTTPException(status_code=404, detail="User not found")


def get_current_user(token: str):
    raise HTTPException(status_code=401)
