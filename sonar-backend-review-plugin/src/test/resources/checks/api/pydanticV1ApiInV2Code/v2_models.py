from pydantic import BaseModel, ConfigDict, Field, field_validator, root_validator, validator


class UserIn(BaseModel):
    name: str = Field(..., regex=r"^[a-z]+$")  # Noncompliant {{Replace the Pydantic v1 Field argument "regex" with "pattern".}}
#                          ^^^^^
    tags: list[str] = Field(default_factory=list, max_items=5)  # Noncompliant

    class Config:  # Noncompliant {{Replace the Pydantic v1 "class Config" with "model_config = ConfigDict(...)".}}
        orm_mode = True

    @validator("name")  # Noncompliant {{Replace the Pydantic v1 "@validator" with "@field_validator".}}
    def lower(cls, value):
        return value.lower()

    @root_validator(pre=True)  # Noncompliant
    def check(cls, values):
        return values


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str

    @field_validator("name")
    @classmethod
    def strip(cls, value):
        return value.strip()


def serialize(user: UserOut, orm_user):
    data = user.dict()  # Noncompliant {{Replace the Pydantic v1 method "dict()" with "model_dump()".}}
#               ^^^^
    text = user.json()  # Noncompliant
    parsed = UserOut.parse_obj(data)  # Noncompliant
    converted = UserOut.from_orm(orm_user)  # Noncompliant
    # Compliant look-alikes
    dumped = user.model_dump()
    validated = UserOut.model_validate(orm_user)
    plain = {"a": 1}.copy()
    same = dict(a=1)
    return data, text, parsed, converted, dumped, validated, plain, same
