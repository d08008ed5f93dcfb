from fastapi import Depends, FastAPI

from .dependencies import verify_api_key
from .routers import admin, items

app = FastAPI()
app.include_router(items.router)
app.include_router(admin.router, prefix="/admin", dependencies=[Depends(verify_api_key)])
