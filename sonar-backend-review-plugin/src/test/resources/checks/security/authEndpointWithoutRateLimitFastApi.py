from fastapi import APIRouter, Depends, FastAPI, HTTPException
from fastapi.security import OAuth2PasswordRequestForm
from passlib.context import CryptContext

app = FastAPI()
router = APIRouter()
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")


def verify_password(plain, hashed):
    return pwd_context.verify(plain, hashed)


@router.post("/login")
def login(email: str, password: str, db=Depends()):  # Noncompliant {{Limit the attempts on this login endpoint (slowapi's @limiter.limit or fastapi-limiter's RateLimiter), or verify that a proxy does: without a limit, passwords can be guessed at full speed.}}
    user = db.query_user(email)
    if user is None or not verify_password(password, user.hashed_password):
        raise HTTPException(status_code=401)
    return {"ok": True}


@app.post("/token")
async def token(form: OAuth2PasswordRequestForm = Depends(), service=Depends()):  # Noncompliant {{Limit the attempts on this token endpoint (slowapi's @limiter.limit or fastapi-limiter's RateLimiter), or verify that a proxy does: without a limit, passwords can be guessed at full speed.}}
    return await service.issue_token(form.username, form.password)


@router.post("/login-limited", dependencies=[Depends(rate_limiter("5/minute"))])
def login_limited(email: str, password: str, db=Depends()):
    user = db.query_user(email)
    if user is None or not verify_password(password, user.hashed_password):
        raise HTTPException(status_code=401)
    return {"ok": True}


@router.post("/login-throttled")
def login_throttled(email: str, password: str, db=Depends(), _=Depends(login_throttle)):
    user = db.query_user(email)
    if user is None or not verify_password(password, user.hashed_password):
        raise HTTPException(status_code=401)
    return {"ok": True}


@router.get("/me")
def me(user=Depends()):
    return user


def verify_user(email, password, db):
    # a helper, not a route
    user = db.query_user(email)
    return user is not None and verify_password(password, user.hashed_password)
