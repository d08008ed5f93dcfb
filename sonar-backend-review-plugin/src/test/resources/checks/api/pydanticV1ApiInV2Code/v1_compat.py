# Compliant: the pydantic.v1 compatibility layer is used on purpose
from pydantic import ConfigDict
from pydantic.v1 import BaseModel as V1Model, validator


class Old(V1Model):
    name: str

    class Config:
        orm_mode = True
