"""The offline selling's work on a worker thread (网络版): the services of
:mod:`memberdesk.services.offline`, imported when the work runs, never at start-up.

The catalogue refresh, the queue's counts and the sending take the database (the long
jobs' worker); the sale itself and the local lookups take only the data folder and
run on the offline dialog's own worker, so a main worker still waiting for a server
that does not answer never holds a cash sale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def refresh(db: Any) -> Any:
    """Copy the catalogue and the known staff again (nothing on a shop file), then the
    queue's counts."""
    from memberdesk.services.offline.catalogue import refresh_catalogue
    from memberdesk.services.offline.send import queue_counts

    refresh_catalogue(db)
    refresh_staff(db)
    return queue_counts(db)


def refresh_staff(db: Any) -> None:
    from memberdesk.services.offline.files import data_dir, enabled
    from memberdesk.services.offline.staff_copy import refresh_known
    from memberdesk.services.shared import clock

    if enabled(db):
        with db.reader() as uow:
            refresh_known(uow.session, data_dir(db), clock.now().isoformat())


def counts(db: Any) -> Any:
    from memberdesk.services.offline.send import queue_counts

    return queue_counts(db)


def send_and_refresh(db: Any, progress: Any) -> Any:
    """Send the waiting sales in order, then copy the catalogue again; the report."""
    from memberdesk.services.offline.catalogue import refresh_catalogue
    from memberdesk.services.offline.send import send_queue

    report = send_queue(db, progress.step)
    refresh_catalogue(db)
    refresh_staff(db)
    return report


def rows(db: Any) -> Any:
    from memberdesk.services.offline.send import queue_rows

    return queue_rows(db)


def find(folder: Path, text: str) -> Any:
    """The product scanned or typed (barcode, code), else the first whose name has it."""
    from memberdesk.services.offline.catalogue import LocalCatalogue
    from memberdesk.services.offline.files import CATALOGUE_FILE
    from memberdesk.services.shared.errors import NotFoundError

    with LocalCatalogue(folder / CATALOGUE_FILE) as cat:
        try:
            return cat.find(text)
        except NotFoundError:
            hits = cat.search(text, 1)
            if not hits:
                raise
            return hits[0]


# A line of the offline cart: (product id, qty, None) or (None, qty, plain amount).
Line = tuple[int | None, int, Any]


def _lines(lines: list[Line]) -> Any:
    from memberdesk.services.offline.sell import OfflineLine

    return tuple(
        OfflineLine(product_id=p, qty=q) if p is not None else OfflineLine(qty=q, amount=a)
        for p, q, a in lines
    )


def quote(folder: Path, lines: list[Line]) -> Any:
    from memberdesk.services.offline.sell import quote_offline

    return quote_offline(folder, _lines(lines))


def exact_product(folder: Path, text: str) -> Any:
    """The product whose code or barcode is exactly ``text`` (a number typed as a
    plain amount), or None; and the plain amount's confirmation line."""
    from memberdesk.services.offline.catalogue import LocalCatalogue
    from memberdesk.services.offline.files import CATALOGUE_FILE
    from memberdesk.services.shared.errors import NotFoundError

    with LocalCatalogue(folder / CATALOGUE_FILE) as cat:
        limit = cat.setting_int("checkout.plain_amount_confirm_fen")
        try:
            return cat.find(text), limit
        except NotFoundError:
            return None, limit


def sell(folder: Path, actor: Any, client_id: str, lines: list[Line], cash: Any) -> Any:
    from memberdesk.models.enums import TenderKind
    from memberdesk.services.offline.sell import OfflineSaleRequest, sell_offline
    from memberdesk.services.pricing.tenders import TenderRequest

    return sell_offline(
        folder,
        actor,
        OfflineSaleRequest(client_id, _lines(lines), (TenderRequest(TenderKind.CASH, cash),)),
    )


def retry(db: Any, actor: Any, seq: int) -> Any:
    from memberdesk.services.offline.send import retry_refused

    return retry_refused(db, actor, seq)


def write_off(db: Any, actor: Any, seq: int, reason: str) -> Any:
    from memberdesk.services.offline.refused import write_off_refused

    return write_off_refused(db, actor, seq, reason)


def confirm_offline_session(db: Any, session: Any) -> Any:
    """An offline session re-checked on the server (it is back)."""
    from memberdesk.services.offline.login import confirm_offline_login

    return confirm_offline_login(db, session)
