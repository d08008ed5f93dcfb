from fastapi import HTTPException


async def load(session, user_id):
    row = await session.get(User, user_id)
    if row is None:
        raise HTTPException(404)  # Noncompliant
    return row
