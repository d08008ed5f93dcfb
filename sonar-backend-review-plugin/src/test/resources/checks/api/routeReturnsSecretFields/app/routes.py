from fastapi import APIRouter, Depends
from fastapi.encoders import jsonable_encoder
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.models import Tag, User
from app.schemas import ApiClient, Token, UserOut

router = APIRouter()


@router.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends()):
    user = db.query(User).filter(User.id == user_id).first()
    return user  # Noncompliant {{Return an output schema without "hashed_password" instead of the "User" object: every field of it is sent to the client.}}
#   ^^^^^^^^^^^


@router.get("/users")
async def list_users(db: AsyncSession = Depends()):
    return (await db.execute(select(User))).scalars().all()  # Noncompliant


@router.get("/users/{user_id}/raw", response_model=User)
async def read_raw(user_id: int, db: AsyncSession = Depends()):
    return await db.get(User, user_id)  # Noncompliant


@router.get("/users/{user_id}/json")
def read_json(user_id: int, db: Session = Depends()):
    return jsonable_encoder(db.get(User, user_id))  # Noncompliant


# Compliant look-alikes

@router.get("/safe/{user_id}", response_model=UserOut)
def read_safe(user_id: int, db: Session = Depends()):
    return db.get(User, user_id)


@router.get("/typed/{user_id}")
def read_typed(user_id: int, db: Session = Depends()) -> UserOut:
    return db.get(User, user_id)


@router.get("/tags")
def list_tags(db: Session = Depends()):
    return db.query(Tag).all()


@router.get("/me/email")
def my_email(db: Session = Depends()):
    user = db.query(User).first()
    return {"email": user.email}


# login, token and refresh endpoints are meant to return the tokens they mint
@router.post("/auth/token")
def login(form: dict) -> Token:
    return Token(access_token="a", refresh_token="r")


@router.post("/refresh")
def refresh_access_token(token: str):
    return Token(access_token="a", refresh_token="r")


@router.get("/clients/{name}")
def read_client(name: str):
    return ApiClient(name=name, api_key="k")  # Noncompliant {{Return an output schema without "api_key" instead of the "ApiClient" object: every field of it is sent to the client.}}


@router.get("/profile")
def profile():
    return Token(access_token="a", refresh_token="r")  # Noncompliant
