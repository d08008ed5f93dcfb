from fastapi import HTTPException, status


class UserNotFound(Exception):
    pass


def get_user(db, user_id: int):
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="User not found")  # Noncompliant {{Raise a domain exception here and map it to an HTTP status in the route or in an exception handler: code in "services" should not depend on HTTP.}}
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    return user


def get_user_clean(db, user_id: int):
    # Compliant: a domain exception
    user = db.get(User, user_id)
    if user is None:
        raise UserNotFound(user_id)
    return user
