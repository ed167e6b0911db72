"""Sending the offline sales when the server is back, and what waits for them.

:func:`send_queue` sends the waiting sales one by one in the order they were made,
each through the one checkout (:func:`~memberdesk.services.checkout.sale.checkout`)
with its own client id, as the cashier who made it: a sale the server already has (a
till killed between the server's commit and marking the row sent) comes back as the
first result, so each sale exists once however often it is sent. A sale the server
refuses (a product deleted, no open shift) is marked refused with the reason and the
next one is sent; it stays in the file for the manager. The server lost again stops
the run: the rest wait for the next.

The request is rebuilt from the row with no member and cash tenders only, whatever
the file says: nothing of a member can be spent by an offline sale.

The cashier and the shift: each sale is sent as the cashier who made it (the staff id
in the row; the checkout re-checks that account on the server, so a sale of an
account stopped meanwhile is refused and waits for a manager). It goes into that
cashier's open shift at this store. A cashier who logged in offline may have no shift
open on the server yet: the first of their sales then opens one for them (float 0,
audited ``offline.shift_open`` with the sale's client id) and the rest follow into it;
the cashier closes it as any shift (the float they put in the drawer shows as over
unless they record it as cash in).

Books: an offline sale enters the server's books when the server takes it (that
business date, the cashier's open shift then). So :func:`close_shift_at_till` refuses
to close a shift at a till whose queue still has waiting sales, and the day close,
which needs every shift of the store closed, counts them too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from memberdesk.db import Database
from memberdesk.models.enums import Role, TenderKind
from memberdesk.money import Money
from memberdesk.services.checkout.cart import CartLine, CartRequest
from memberdesk.services.checkout.sale import CheckoutRequest, CheckoutResult, checkout
from memberdesk.services.offline.files import enabled
from memberdesk.services.offline.queue import (
    REFUSED,
    WAITING,
    WRITTEN_OFF,
    OfflineQueue,
    QueueCounts,
    QueuedSale,
    queue_path,
)
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    NotFoundError,
    StorageError,
    UserError,
    ValidationError,
)
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shifts.shift import ShiftSummary, close_shift, open_shift


@dataclass(frozen=True)
class SendReport:
    sent: int = 0
    refused: int = 0  # refused by this run
    replayed: int = 0  # of the sent: the server had them already (a run cut short before)
    counts: QueueCounts = field(default_factory=QueueCounts)  # the queue afterwards


def checkout_request_of(row: QueuedSale) -> CheckoutRequest:
    """The checkout request of a queued sale: the same for every send (same payload hash)."""
    cart = row.cart
    lines = tuple(
        CartLine(product_id=int(ln["product_id"]), qty=int(ln["qty"]))
        if ln.get("product_id") is not None
        else CartLine(
            amount=Money(int(ln["amount"])),
            qty=int(ln["qty"]),
            description=str(ln.get("description", "")),
        )
        for ln in cart["lines"]
    )
    tenders = tuple(TenderRequest(TenderKind.CASH, Money(int(f))) for f in cart["tenders"])
    return CheckoutRequest(row.client_id, CartRequest(lines), tenders)


def actor_of(row: QueuedSale) -> Actor:
    """The cashier who made the sale (the checkout re-checks the staff row)."""
    return Actor(row.staff_id, row.username, row.display_name, Role(row.role))


def send_queue(db: Database, progress: Callable[[int, int], bool] | None = None) -> SendReport:
    """Send the waiting sales in order (see the module docstring). ``progress(done,
    total)`` returning False stops after the sale in hand."""
    if not enabled(db):
        return SendReport()
    sent = refused = replayed = 0
    with OfflineQueue(queue_path(db)) as queue:
        rows = queue.rows(WAITING)
        for i, row in enumerate(rows):
            if progress is not None and not progress(i, len(rows)):
                break
            try:
                result = _checkout_in_shift(db, row)
            except StorageError:
                raise  # the server lost again (or full, or held): the rest wait
            except UserError as exc:
                queue.mark_refused(row.seq, exc.code, exc.message("zh_CN"), exc.message("en"))
                refused += 1
                continue
            queue.mark_sent(row.seq, result.sale_no, result.payable.fen, clock.now().isoformat())
            sent += 1
            replayed += result.replayed
        if progress is not None:
            progress(len(rows), len(rows))
        return SendReport(sent, refused, replayed, queue.counts())


def _checkout_in_shift(db: Database, row: QueuedSale) -> CheckoutResult:
    """The sale through the checkout; a cashier with no open shift gets one first."""
    actor, request = actor_of(row), checkout_request_of(row)
    try:
        return checkout(db, actor, request)
    except ValidationError as exc:
        if exc.code != "no_open_shift":
            raise
    open_shift(
        db,
        actor,
        Money(0),
        action="offline.shift_open",
        detail={"client_id": row.client_id, "local_no": row.local_no},
    )
    return checkout(db, actor, request)


def queue_counts(db: Database) -> QueueCounts:
    """How many sales wait, were refused, were sent (nothing on a shop file)."""
    if not enabled(db):
        return QueueCounts()
    with OfflineQueue(queue_path(db)) as queue:
        return queue.counts()


def queue_rows(db: Database, limit: int = 500) -> list[QueuedSale]:
    """The waiting and refused sales, in order, then the last sent and written-off ones."""
    if not enabled(db):
        return []
    with OfflineQueue(queue_path(db)) as queue:
        return (
            queue.rows(WAITING, limit)
            + queue.rows(REFUSED, limit)
            + queue.rows(WRITTEN_OFF, limit)[-50:]
            + queue.rows("sent", limit)[-50:]
        )


def close_shift_at_till(
    db: Database, actor: Actor, counted: Mapping[TenderKind, Money], note: str = ""
) -> ShiftSummary:
    """Close the actor's shift unless this till still has sales made offline waiting to
    be sent: their cash is in the drawer, not yet in the shift's books."""
    waiting = queue_counts(db).waiting
    if waiting:
        raise ValidationError("offline_sales_waiting", n=waiting)
    return close_shift(db, actor, counted, note)


def retry_refused(db: Database, actor: Actor, seq: int) -> QueueCounts:
    """A manager puts a sale the server refused back in line (say, once the product is
    on sale again); audited on the server. The next send sends it."""
    if not enabled(db):
        return QueueCounts()
    with OfflineQueue(queue_path(db)) as queue:
        rows = [r for r in queue.rows(REFUSED) if r.seq == seq]
        if not rows:
            raise NotFoundError("offline_sale_not_refused", seq=seq)
        row = rows[0]
        with db.uow() as uow:
            require(uow.session, actor, Permission.VERIFY_SHIFT)
            audit.record(
                uow.session,
                action="offline.retry",
                staff_id=actor.staff_id,
                entity="offline_sale",
                entity_id=row.local_no,
                detail={"client_id": row.client_id, "reason": row.reason_code},
            )
            uow.commit()
        queue.retry(seq)
        return queue.counts()
