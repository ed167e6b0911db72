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
    """Copy the catalogue (None on a shop file), then the queue's counts."""
    from memberdesk.services.offline.catalogue import refresh_catalogue
    from memberdesk.services.offline.send import queue_counts

    refresh_catalogue(db)
    return queue_counts(db)


def counts(db: Any) -> Any:
    from memberdesk.services.offline.send import queue_counts

    return queue_counts(db)


def send_and_refresh(db: Any, progress: Any) -> Any:
    """Send the waiting sales in order, then copy the catalogue again; the report."""
    from memberdesk.services.offline.catalogue import refresh_catalogue
    from memberdesk.services.offline.send import send_queue

    report = send_queue(db, progress.step)
    refresh_catalogue(db)
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


def quote(folder: Path, lines: list[tuple[int, int]]) -> Any:
    from memberdesk.services.offline.sell import OfflineLine, quote_offline

    return quote_offline(folder, tuple(OfflineLine(product_id=p, qty=q) for p, q in lines))


def sell(folder: Path, actor: Any, client_id: str, lines: list[tuple[int, int]], cash: Any) -> Any:
    from memberdesk.models.enums import TenderKind
    from memberdesk.services.offline.sell import OfflineLine, OfflineSaleRequest, sell_offline
    from memberdesk.services.pricing.tenders import TenderRequest

    return sell_offline(
        folder,
        actor,
        OfflineSaleRequest(
            client_id,
            tuple(OfflineLine(product_id=p, qty=q) for p, q in lines),
            (TenderRequest(TenderKind.CASH, cash),),
        ),
    )


def retry(db: Any, actor: Any, seq: int) -> Any:
    from memberdesk.services.offline.send import retry_refused

    return retry_refused(db, actor, seq)
