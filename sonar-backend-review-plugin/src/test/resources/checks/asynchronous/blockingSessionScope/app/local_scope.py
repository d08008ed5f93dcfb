import contextlib

from sqlalchemy import orm

LocalSession = orm.scoped_session(orm.sessionmaker())


@contextlib.contextmanager
def local_scope():
    s = LocalSession()
    yield s
