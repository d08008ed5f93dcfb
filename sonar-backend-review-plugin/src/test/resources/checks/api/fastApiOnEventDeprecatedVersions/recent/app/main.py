from fastapi import FastAPI

app = FastAPI()


@app.on_event("startup")  # Noncompliant
async def connect():
    ...
