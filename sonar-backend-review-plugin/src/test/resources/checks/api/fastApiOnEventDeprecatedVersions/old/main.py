from fastapi import FastAPI

app = FastAPI()


# FastAPI 0.92 has no lifespan handlers: on_event is the only way
@app.on_event("startup")
async def connect():
    ...
