from fastapi import FastAPI

app = FastAPI()
app.add_event_handler("shutdown", lambda: None)  # Noncompliant
