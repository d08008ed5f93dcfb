# Compliant: a module with no Pydantic v2 API is left alone (it may target Pydantic v1 on purpose)
from pydantic import BaseModel, validator


class Legacy(BaseModel):
    name: str

    class Config:
        orm_mode = True

    @validator("name")
    def lower(cls, value):
        return value.lower()


def dump(item: Legacy):
    return item.dict()
