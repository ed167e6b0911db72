"""Which store this till is in, and a document number's store prefix on a server."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db.till_store import TILL_STORE, TillStore
from memberdesk.models import Store
from memberdesk.services.shared.errors import (
    NotFoundError,
)


def till_store(session: Session) -> TillStore:
    found = session.info.get(TILL_STORE)
    return found if isinstance(found, TillStore) else TillStore()


def current_store(session: Session) -> tuple[int, str]:
    """``(id, code)`` of the store this till is in; read once per database opened."""
    till = till_store(session)
    if till.store_id is None or till.store_code is None:
        query = select(Store.id, Store.code)
        query = (query.where(Store.code == till.code) if till.code
                 else query.order_by(Store.id).limit(1))
        row = session.execute(query).first()
        if row is None:
            raise NotFoundError("store_unknown", store=till.code or "")
        till.store_id, till.store_code = int(row.id), str(row.code)
    return till.store_id, till.store_code


def current_store_id(session: Session) -> int:
    return current_store(session)[0]


def number_prefix(session: Session, letter: str) -> str:
    """A document number's prefix: ``letter`` on a shop file, the store's code and
    ``letter`` on a server (``MAIN-S``): numbers are per store there."""
    if session.get_bind().dialect.name != "postgresql":
        return letter
    return f"{current_store(session)[1]}-{letter}"
