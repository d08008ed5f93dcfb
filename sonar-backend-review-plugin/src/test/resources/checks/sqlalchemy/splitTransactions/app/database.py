from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("postgresql://db/app")
SessionLocal = sessionmaker(bind=engine, autoflush=False)

async_engine = create_async_engine("postgresql+asyncpg://db/app")
AsyncSessionLocal = async_sessionmaker(async_engine)
AsyncishLocal = sessionmaker(async_engine, class_=AsyncSession)
