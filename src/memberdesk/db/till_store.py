"""Which store a till is in: a code from the installation, its row id read once."""

from __future__ import annotations

from dataclasses import dataclass

TILL_STORE = "till_store"  # the key of :class:`TillStore` in every session's ``info``


@dataclass
class TillStore:
    """The store code this installation is configured for (None: the first store) and,
    once read, its row id and code: shared by every session of one :class:`Database`
    (``services/shared/this_store.current_store`` fills it in)."""

    code: str | None = None
    store_id: int | None = None
    store_code: str | None = None
