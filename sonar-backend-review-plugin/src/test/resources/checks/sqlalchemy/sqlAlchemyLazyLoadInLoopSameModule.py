from sqlalchemy import ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    books: Mapped[list["Book"]] = relationship(back_populates="author")
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^>


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books", lazy="joined")


def titles(session: Session):
    authors = session.scalars(select(Author).order_by(Author.id)).all()
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^>
    return {a.id: [b.id for b in a.books] for a in authors}  # Noncompliant
#                                ^^^^^^^


def eager_titles(session: Session):
    authors = session.scalars(select(Author).options(selectinload(Author.books))).all()
    books = session.scalars(select(Book)).all()
    return {a.id: [b.id for b in a.books] for a in authors}, [b.author.id for b in books]
