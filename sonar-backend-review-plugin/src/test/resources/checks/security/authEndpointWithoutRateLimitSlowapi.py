from fastapi import APIRouter, Request
from slowapi import Limiter
from slowapi.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, default_limits=["100/minute"])
router = APIRouter()


@router.post("/login")
@limiter.limit("5/minute")
def login(request: Request, email: str, password: str):
    return check_credentials(email, password)


@router.post("/otp")
def otp(request: Request, code: str):
    # the application-wide default limit of this module's limiter applies
    return verify_otp(request, code)
