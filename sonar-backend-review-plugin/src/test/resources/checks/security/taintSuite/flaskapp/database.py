# Labelled taint suite: connections and sessions returned by helpers of another module.
import sqlite3

from flask import g
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///app.db")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect("app.db")
    return g.db


def get_session():
    return SessionLocal()


def get_connection():
    return engine.connect()


class Runner:
    def execute(self, command):
        return command


def runner():
    return Runner()
