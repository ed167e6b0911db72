"""Locks for the network edition, where a read decides a write.

On SQLite every write transaction begins with ``BEGIN IMMEDIATE``: one writer at a
time, so a read made inside it stays true until the commit, and these functions send
nothing (the statements a checkout sends on SQLite are unchanged). On PostgreSQL
(READ COMMITTED, many tills at once) they lock what the read is about, until the
transaction ends:

* :func:`lock_member` — the member's row (``SELECT ... FOR UPDATE``), before reading
  the balances, lots or cap a spend, recharge or refund is decided on. The ledger's
  guarded ``UPDATE ... WHERE balance + delta >= 0 RETURNING`` stays the second lock on
  the door on both engines.
* :func:`lock_numbering` — a transaction-scoped advisory lock on a document number's
  stem (``S20261203-``), before counting the day's numbers to draw the next one.

Neither lock's answer is read: the lock goes to the server with the next statement, in
one round trip (:func:`~.driver.send_later`). The server runs a pipeline's statements
in order, so the lock is held before that statement reads, as when it went alone.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from memberdesk.models import Member
from memberdesk.services.shared.driver import send_later
from memberdesk.services.shared.tables import connection, table

_MEMBERS = table(Member)
_LOCK_MEMBER = select(_MEMBERS.c.id).where(_MEMBERS.c.id == bindparam("member_id")).with_for_update()
_LOCK_NUMBERING = select(func.pg_advisory_xact_lock(func.hashtext(bindparam("stem"))))


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def lock_member(session: Session, member_id: int | None) -> None:
    """Hold ``member_id``'s row until the transaction ends (PostgreSQL only)."""
    if member_id is not None and _postgres(session):
        send_later(connection(session), _LOCK_MEMBER, [{"member_id": member_id}])


def lock_numbering(session: Session, stem: str) -> None:
    """Draw numbers with ``stem`` one transaction at a time (PostgreSQL only)."""
    if _postgres(session):
        send_later(connection(session), _LOCK_NUMBERING, [{"stem": stem}])
