import bcrypt
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend
from fastapi import APIRouter, Depends, HTTPException
from passlib.context import CryptContext

router = APIRouter()
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")
User = get_user_model()


def verify_password(plain, hashed):
    return pwd_context.verify(plain, hashed)


@router.post("/login")
def login(email: str, password: str, db=Depends()):
    user = db.query(User).filter(User.email == email).first()
    if not user or not verify_password(password, user.hashed_password):  # Noncompliant {{Hash the submitted password (against a dummy hash) before this exit too: answering an unknown account faster than a wrong password tells an attacker which accounts exist.}}
#      ^^^^^^^^
        raise HTTPException(status_code=401, detail="Incorrect email or password")
    return user


@router.post("/login-async")
async def login_async(email: str, password: str, repo=Depends()):
    user = await repo.get_by_email(email)
    if user is None:  # Noncompliant
        raise HTTPException(status_code=404, detail="No such user")
    if not pwd_context.verify(password, user.hashed_password):
        raise HTTPException(status_code=401, detail="Wrong password")
    return user


class PhoneBackend(BaseBackend):
    def authenticate(self, request, phone=None, password=None, **kwargs):
        try:
            account = User.objects.select_related("profile").get(profile__phone=phone)
        except (User.DoesNotExist, User.MultipleObjectsReturned):  # Noncompliant
            return
        return account if account.check_password(password) and self.user_can_authenticate(account) else None


def check_login(username, password):
    account = find_account(username)
    return account and bcrypt.checkpw(password.encode(), account.password_hash)  # Noncompliant


# Compliant look-alikes

@router.post("/login-dummy")
def login_dummy_hash(email: str, password: str, db=Depends()):
    user = db.query(User).filter(User.email == email).first()
    if user is None:
        pwd_context.dummy_verify()
        raise HTTPException(status_code=401, detail="Incorrect email or password")
    if not verify_password(password, user.hashed_password):
        raise HTTPException(status_code=401, detail="Incorrect email or password")
    return user


class ModelBackendLike(BaseBackend):
    def authenticate(self, request, username=None, password=None):
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            User().set_password(password)
        else:
            if user.check_password(password):
                return user
        return None


def change_password(request, old_password, new_password):
    # the account is the request's user, not looked up from what the client sent
    if not request.user.check_password(old_password):
        raise PermissionError()
    request.user.set_password(new_password)


@router.post("/login-hashed-anyway")
def login_hash_first(email: str, password: str, db=Depends()):
    user = db.query(User).filter(User.email == email).first()
    hashed = user.hashed_password if user else DUMMY_HASH
    if not verify_password(password, hashed) or user is None:
        raise HTTPException(status_code=401, detail="Incorrect email or password")
    return user


def test_login_rejects_unknown_user():
    user = find_account("nobody")
    assert not user or not verify_password("x", user.hashed_password)


def find_account(username):
    return None


DUMMY_HASH = pwd_context.hash("dummy")
