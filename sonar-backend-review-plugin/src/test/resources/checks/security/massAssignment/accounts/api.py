from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

app = FastAPI()


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    is_admin: Mapped[bool] = mapped_column(default=False)


class UserUpdate(BaseModel):
    email: str
    is_admin: bool = False


class UserCreate(BaseModel):
    email: str


class UserImport(BaseModel):
    model_config = ConfigDict(extra="allow")
    email: str


@app.put("/users/{user_id}")
def update_user(user_id: int, payload: UserUpdate):
    return User(id=user_id, **payload.model_dump())  # Noncompliant {{Copy only the fields a client may set: "User()" receives every key of the request body "payload" (line 34).}}


@app.post("/users/import")
def import_user(payload: UserImport):
    return User(**payload.model_dump())  # Noncompliant


@app.post("/users/raw")
def create_raw(payload: dict):
    return User(**payload)  # Noncompliant


# Compliant look-alikes

@app.post("/users")
def create_user(payload: UserCreate):
    # the schema is the allow-list: only "email" can be set
    return User(**payload.model_dump())


@app.put("/users/{user_id}/email")
def update_email(user_id: int, payload: UserUpdate):
    return User(id=user_id, email=payload.email)
