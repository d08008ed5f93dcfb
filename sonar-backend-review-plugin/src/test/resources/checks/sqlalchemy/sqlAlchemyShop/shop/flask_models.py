from flask_sqlalchemy import SQLAlchemy
from sqlmodel import Field, Relationship, SQLModel

db = SQLAlchemy()


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship("Book", backref="author")
    awards = db.relationship("Award", lazy="subquery")


class Team(SQLModel, table=True):
    id: int = Field(primary_key=True)
    heroes: list["Hero"] = Relationship(back_populates="team")
    staff: list["Staff"] = Relationship(sa_relationship_kwargs={"lazy": "selectin"})
