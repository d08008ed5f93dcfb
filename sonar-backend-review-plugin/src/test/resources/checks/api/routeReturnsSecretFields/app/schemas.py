from pydantic import BaseModel


class UserOut(BaseModel):
    id: int
    email: str


class Token(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"


class ApiClient(BaseModel):
    name: str
    api_key: str
