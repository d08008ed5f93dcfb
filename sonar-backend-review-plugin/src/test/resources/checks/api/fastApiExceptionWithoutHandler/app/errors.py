from fastapi import HTTPException


class DomainError(Exception):
    pass


class NotFoundError(DomainError):
    pass


class QuotaExceeded(Exception):
    pass


class Conflict(HTTPException):
    def __init__(self):
        super().__init__(status_code=409)


class Unsupported(ValueError):
    pass
