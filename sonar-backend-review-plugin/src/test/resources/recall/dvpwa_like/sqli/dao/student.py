from aiopg import Connection


class Student:
    def __init__(self, id, name):
        self.id = id
        self.name = name

    @staticmethod
    async def get(conn: Connection, id_: int):
        async with conn.cursor() as cur:
            await cur.execute("SELECT id, name FROM students WHERE id = %s", (id_,))
            return await cur.fetchone()

    @staticmethod
    async def create(conn: Connection, name: str):
        q = "INSERT INTO students (name) VALUES ('%(name)s')" % {"name": name}
        async with conn.cursor() as cur:
            await cur.execute(q)  # expect: SqlInjection, DynamicSqlQuery
