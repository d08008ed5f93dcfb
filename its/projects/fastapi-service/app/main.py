from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .config import API_PREFIX, settings
from .routers import items, warehouses

app = FastAPI(title="Inventory service", debug=settings.debug)
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])
app.include_router(items.router, prefix=API_PREFIX)
app.include_router(warehouses.router, prefix=API_PREFIX)


@app.get("/health")
async def health():
    return {"status": "ok"}
