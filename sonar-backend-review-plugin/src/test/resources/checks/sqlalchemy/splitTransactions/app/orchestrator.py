from app.database import SessionLocal
from app.db import read_scope, session_scope


def _start_round(debate_id: str, index: int) -> int:
    with session_scope() as session:
        session.add(DebateRound(debate_id=debate_id, index=index))
    return index


def _record_message(debate_id: str, text: str) -> None:
    with session_scope() as session:
        session.add(Message(debate_id=debate_id, text=text))


def _load(debate_id: str):
    with session_scope() as session:
        return session.get(Debate, debate_id)


async def run_debate(debate_id: str, prompt: str) -> None:
    round_id = _start_round(debate_id, 0)  # Noncompliant {{This write transaction ("_start_round()" opening "session_scope()") is committed separately from the 2 that follow: a failure in a later one leaves this one committed and the data half-written. Run them in one transaction (one session scope, "flush()" for generated ids, one commit at the end).}}
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^
    answer = await call_model(prompt)
    _record_message(debate_id, answer)
    with session_scope() as session:
        session.execute(update_status(debate_id, round_id))


def close_debate(debate_id: str) -> None:
    with SessionLocal.begin() as session:  # Noncompliant
        session.add(Event(debate_id=debate_id))
    with SessionLocal.begin() as session:
        session.merge(Debate(id=debate_id, status="closed"))


# Compliant look-alikes

def one_transaction(debate_id: str, text: str) -> None:
    with session_scope() as session:
        session.add(DebateRound(debate_id=debate_id, index=0))
        session.flush()
        session.add(Message(debate_id=debate_id, text=text))


def read_then_write(debate_id: str, text: str) -> None:
    debate = _load(debate_id)
    with read_scope() as session:
        session.add(Message(debate_id=debate.id, text=text))
    _record_message(debate_id, text)


def either(debate_id: str, text: str, first: bool) -> None:
    if first:
        _start_round(debate_id, 0)
    else:
        _record_message(debate_id, text)


def per_item(messages) -> None:
    for message in messages:
        _record_message(message.debate_id, message.text)


def with_failure_record(debate_id: str, text: str) -> None:
    try:
        _record_message(debate_id, text)
    except Exception:
        with session_scope() as session:
            session.add(Failure(debate_id=debate_id))
        raise
