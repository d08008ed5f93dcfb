from fastapi import FastAPI

app = FastAPI()


# no dependency file declares the FastAPI version: silent
@app.on_event("startup")
async def connect():
    ...
