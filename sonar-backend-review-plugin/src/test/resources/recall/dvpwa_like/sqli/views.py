from aiohttp import web
from aiohttp_jinja2 import template

from sqli.dao.student import Student


@template("students.jinja2")
async def students(request: web.Request):
    app = request.app
    if request.method == "POST":
        data = await request.post()
        name = data["name"]
        async with app["db"].acquire() as conn:
            await Student.create(conn, name)
        raise web.HTTPFound("/students")
    return {}


async def student(request: web.Request):
    student_id = request.match_info["id"]
    async with request.app["db"].acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute("SELECT * FROM students WHERE id = " + student_id)  # expect: SqlInjection
            row = await cur.fetchone()
    return web.json_response({"row": row})


async def search(request):
    term = request.query.get("q", "")
    async with request.app["db"].acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute(f"SELECT * FROM courses WHERE title LIKE '%{term}%'")  # expect: SqlInjection
            return web.json_response(await cur.fetchall())


async def evaluate(request):
    data = await request.post()
    return web.Response(text=str(eval(data["expr"])))  # expect: CodeInjection
