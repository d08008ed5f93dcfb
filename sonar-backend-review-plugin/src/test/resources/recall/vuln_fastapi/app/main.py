import os
import pickle
import sqlite3
import subprocess

import httpx
from fastapi import Depends, FastAPI, File, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from jinja2 import Environment
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.orm import Session

app = FastAPI()
env = Environment()
UPLOAD_DIR = "/srv/uploads"


def get_db():
    pass


class Note(BaseModel):
    title: str
    body: str


def find_user(db: Session, username: str):
    query = f"SELECT * FROM users WHERE username = '{username}'"
    return db.execute(text(query)).fetchone()  # expect: SqlInjection


@app.get("/users/{username}")
def get_user(username: str, db: Session = Depends(get_db)):
    return find_user(db, username)


@app.get("/products")
def products(category: str):
    conn = sqlite3.connect("shop.db")
    cur = conn.cursor()
    cur.execute("SELECT * FROM products WHERE category = '" + category + "'")  # expect: SqlInjection
    return cur.fetchall()


@app.get("/notes/search")
def search_notes(q: str, db: Session = Depends(get_db)):
    return db.execute(text("SELECT * FROM notes WHERE title LIKE :q"), {"q": f"%{q}%"}).all()


@app.get("/ping")
def ping(host: str):
    return {"output": subprocess.getoutput("ping -c 1 " + host)}  # expect: OsCommandInjection


@app.get("/fetch")
async def fetch(url: str):
    async with httpx.AsyncClient() as client:
        r = await client.get(url)  # expect: ServerSideRequestForgery
    return {"status": r.status_code}


@app.get("/weather")
async def weather(city: str):
    async with httpx.AsyncClient() as client:
        r = await client.get(f"https://api.weather.example/v1/{city}")
    return r.json()


@app.get("/download/{filename}")
def download(filename: str):
    return FileResponse(os.path.join(UPLOAD_DIR, filename))  # expect: PathTraversal


@app.get("/files")
def read_any(path: str):
    with open(path) as f:  # expect: PathTraversal
        return {"content": f.read()}


@app.post("/restore")
async def restore(file: UploadFile = File(...)):
    data = await file.read()
    return {"state": str(pickle.loads(data))}  # expect: UnsafeDeserialization


@app.post("/session")
async def session(request: Request):
    body = await request.body()
    return {"state": str(pickle.loads(body))}  # expect: UnsafeDeserialization


@app.get("/hello", response_class=HTMLResponse)
def hello(name: str = "world"):
    return HTMLResponse("<h1>Hello " + name + "</h1>")  # expect: ReflectedXss


@app.get("/greet", response_class=HTMLResponse)
def greet(name: str):
    return env.from_string("Hello " + name).render()  # expect: TemplateInjection


@app.get("/go")
def go(next: str):
    return RedirectResponse(url=next)  # expect: OpenRedirect


@app.get("/calc")
def calc(expr: str):
    return {"result": eval(expr)}  # expect: CodeInjection


@app.get("/items/{item_id}")
def item(item_id: int, db: Session = Depends(get_db)):
    return db.execute(text(f"SELECT * FROM items WHERE id = {item_id}")).fetchone()


@app.post("/notes")
def create_note(note: Note, db: Session = Depends(get_db)):
    db.execute(text("INSERT INTO notes (title, body) VALUES (:t, :b)"), {"t": note.title, "b": note.body})
    return {"ok": True}


@app.get("/profile", response_class=HTMLResponse)
def profile(username: str):
    return f"<html><body><h2>{username}</h2></body></html>"  # expect: ReflectedXss


@app.get("/legacy-search")
def legacy_search(term: str, db: Session = Depends(get_db)):
    return db.query(Note).filter("title = '%s'" % term).all()  # expect: SqlInjection
