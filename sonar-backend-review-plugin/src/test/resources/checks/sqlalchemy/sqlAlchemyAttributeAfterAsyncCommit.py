from fastapi import APIRouter, Depends
from sqlalchemy import select, func
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from app.database import AsyncSessionLocal, get_session

router = APIRouter()
engine = create_async_engine("postgresql+asyncpg://db/app")
SessionFactory = async_sessionmaker(engine)
KeepFactory = async_sessionmaker(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


@router.post("/users")
async def create_user(name: str):
    async with SessionFactory() as session:
        user = User(name=name)
        session.add(user)
#       ^^^^^^^^^^^^^^^^^> {{Instance of this session}}
        await session.commit()
#             ^^^^^^^^^^^^^^^^> {{Commit that expires the instance}}
        return {"id": user.id}  # Noncompliant {{Call "await session.refresh(user)" before reading "id", or create the session with "expire_on_commit=False": the commit expired "user" and this implicit lazy load raises MissingGreenlet.}}
#                     ^^^^^^^


async def rename(user_id: int, name: str):
    session = AsyncSession(engine)
    user = await session.get(User, user_id)
    user.name = name
    await session.commit()
    print(user.name)  # Noncompliant
    await session.close()


async def rename_loaded(user_id: int, name: str):
    async with SessionFactory() as session:
        user = (await session.execute(select(User).where(User.id == user_id))).scalar_one()
        user.name = name
        await session.commit()
    return user.name  # Noncompliant


async def rename_scalar(user_id: int, name: str):
    async with SessionFactory() as session:
        user = await session.scalar(select(User).where(User.id == user_id))
        await session.commit()
        label = f"{user.name}!"  # Noncompliant
        return label


async def rename_two_steps(user_id: int, name: str):
    async with SessionFactory() as session:
        result = await session.execute(select(User).where(User.id == user_id))
        user = result.scalars().first()
        user.name = name
        await session.commit()
    return {"name": user.name}  # Noncompliant


class UserService:
    def __init__(self):
        self.session = SessionFactory()

    async def create(self, name):
        user = User(name=name)
        self.session.add(user)
        await self.session.commit()
        return user.id  # Noncompliant


class Storage:
    def __init__(self):
        # SQLAlchemy 1.4 style: a sessionmaker making AsyncSession objects
        self.session = sessionmaker(engine, class_=AsyncSession)

    async def add_profile(self, name):
        async with self.session() as session:
            user = User(name=name)
            session.add(user)
            await session.commit()
        return user.id  # Noncompliant


class KeptStorage:
    def __init__(self):
        self.session = sessionmaker(engine, expire_on_commit=False, class_=AsyncSession)

    async def add_profile(self, name):
        async with self.session() as session:
            user = User(name=name)
            session.add(user)
            await session.commit()
        return user.id


# Compliant look-alikes

async def create_refreshed(name: str):
    async with SessionFactory() as session:
        user = User(name=name)
        session.add(user)
        await session.commit()
        await session.refresh(user)
        return {"id": user.id}


async def create_kept(name: str):
    async with KeepFactory() as session:
        user = User(name=name)
        session.add(user)
        await session.commit()
        return {"id": user.id}


async def create_kept_constructor(name: str):
    session = AsyncSession(engine, expire_on_commit=False)
    user = User(name=name)
    session.add(user)
    await session.commit()
    return user.id


async def create_kept_at_call(name: str):
    async with SessionFactory(expire_on_commit=False) as session:
        user = User(name=name)
        session.add(user)
        await session.commit()
        return user.id


async def imported_factory(name: str):
    # the factory is configured in another module: unknown
    async with AsyncSessionLocal() as session:
        user = User(name=name)
        session.add(user)
        await session.commit()
        return user.id


@router.post("/dependency")
async def from_dependency(name: str, session: AsyncSession = Depends(get_session)):
    user = User(name=name)
    session.add(user)
    await session.commit()
    return user.id


async def read_before_commit(name: str):
    async with SessionFactory() as session:
        user = User(name=name)
        session.add(user)
        await session.flush()
        user_id = user.id
        await session.commit()
        return user_id


async def write_after_commit(name: str):
    async with SessionFactory() as session:
        user = User(name=name)
        session.add(user)
        await session.commit()
        user.name = "other"
        user.touch()
        return user


async def rebound_after_commit(user_id: int):
    async with SessionFactory() as session:
        user = await session.get(User, user_id)
        await session.commit()
        user = await session.get(User, user_id)
        return user.name


async def commit_in_branch(name: str, flag: bool):
    async with SessionFactory() as session:
        user = User(name=name)
        session.add(user)
        if flag:
            await session.commit()
        else:
            print(user.name)


async def delete_user(user_id: int):
    async with SessionFactory() as session:
        result = await session.execute(select(User).where(User.id == user_id))
        user = result.scalar()
        await session.delete(user)
        await session.commit()
    return user.name  # deleted instances are detached by the commit, not expired


async def result_used_twice(user_id: int):
    async with SessionFactory() as session:
        result = await session.execute(select(User).where(User.id == user_id))
        user = result.scalar()
        print(result)
        await session.commit()
        return user.name


async def count_only():
    async with SessionFactory() as session:
        total = await session.scalar(select(func.count()).select_from(User))
        await session.commit()
        return total.real


def sync_function(session_factory):
    session = SessionFactory()
    user = User(name="x")
    session.add(user)
    session.commit()
    return user.id


async def other_session(name: str):
    async with SessionFactory() as session, SessionFactory() as other:
        user = User(name=name)
        other.add(user)
        await session.commit()
        return user.id
