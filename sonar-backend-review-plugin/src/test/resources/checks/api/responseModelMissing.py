from fastapi import APIRouter, FastAPI, Response, status
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel

router = APIRouter()


class UserOut(BaseModel):
    id: int
    email: str


@router.get("/users/{user_id}")
async def read_user(user_id: int, db=None):  # Noncompliant {{Declare the response of "read_user" with a return annotation or "response_model=", so that its output is validated, filtered and documented.}}
#         ^^^^^^^^^
    return db.get(User, user_id)


@router.post("/users")
def create_user(payload: dict):  # Noncompliant
    user = User(**payload)
    return user


# Compliant look-alikes

@router.get("/typed/{user_id}", response_model=UserOut)
async def read_typed(user_id: int):
    return {"id": user_id, "email": "x"}


@router.get("/annotated/{user_id}")
async def read_annotated(user_id: int) -> UserOut:
    return UserOut(id=user_id, email="x")


@router.get("/page", response_class=HTMLResponse)
async def page():
    return "<html></html>"


@router.get("/redirect")
async def redirect():
    return RedirectResponse("/other")


@router.get("/json")
async def json_response():
    return JSONResponse({"a": 1})


@router.delete("/users/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_user(user_id: int):
    return None


@router.post("/fire-and-forget")
async def fire():
    schedule()


@router.get("/internal", include_in_schema=False)
async def internal():
    return {"debug": True}


@router.websocket("/ws")
async def ws(websocket):
    return None


def success_response(status_code, message):
    return JSONResponse(status_code=status_code, content={"message": message})


@router.post("/logout", status_code=200)
def logout(response: Response):
    response = success_response(status_code=200, message="logged out")
    response.delete_cookie(key="refresh_token")
    return response


@router.post("/ping")
def ping():
    return success_response(200, "pong")
