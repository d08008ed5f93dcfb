from flask import Blueprint, abort
from flask_login import current_user, login_required
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
bp = Blueprint("notes", __name__)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer)


@bp.route("/notes/<int:note_id>")
@login_required
def show_note(note_id):
    note = Note.query.get_or_404(note_id)  # Noncompliant
    return note.text


@bp.route("/mine/<int:note_id>")
@login_required
def show_own_note(note_id):
    note = Note.query.filter_by(id=note_id, author_id=current_user.id).first_or_404()
    return note.text


@bp.route("/checked/<int:note_id>")
@login_required
def show_checked_note(note_id):
    note = Note.query.get_or_404(note_id)
    if note.author_id != current_user.id:
        abort(404)
    return note.text
