from fastapi import APIRouter, Depends
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

router = APIRouter()


@router.get("/unsubscribe/{token}")
def unsubscribe(token: str, db: Session = Depends()):
    sub = db.query(Subscription).filter_by(token=token).first()
    db.delete(sub)  # Noncompliant
    db.commit()
    return {"ok": True}


@router.get("/visit/{page_id}")
async def visit(page_id: int, db: AsyncSession = Depends()):
    await db.execute(update(Page).where(Page.id == page_id).values(visits=Page.visits + 1))  # Noncompliant
    return {}


# Compliant look-alikes

@router.get("/pages/{page_id}")
async def read_page(page_id: int, db: AsyncSession = Depends()):
    result = await db.execute(select(Page).where(Page.id == page_id))
    return result.scalar_one()


@router.post("/unsubscribe/{token}")
def unsubscribe_post(token: str, db: Session = Depends()):
    db.execute(delete(Subscription).where(Subscription.token == token))
    db.commit()
