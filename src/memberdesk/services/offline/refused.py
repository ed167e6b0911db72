"""A manager settling an offline sale the server refused: writing it off.

A refused sale's cash is in the drawer but the server never booked it (a product
deleted meanwhile, an account stopped). When it can never be sent, a manager writes
it off with a reason: one audited event on the server (``offline.write_off``: the
sale's client id and local number, its amount, the cash taken, its lines as they
were priced offline, the server's refusal, the cashier, the cashier's open shift
then, the reason; the manager is the row's staff), then the queue row is marked
``written_off`` (never deleted) and leaves the bar's count.

The server's row comes first: a till stopped between the two writes finds the
event already there at the next try (by the sale's client id) and only marks the
row. A sale the server has after all (its client id on a sale) is never written off.

Books: a written-off sale is not a sale. Its cash stays in the drawer, so the
cashier's shift close shows it as over (counted minus expected); the event names
the shift it belongs to, for the manager who verifies that shift.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import AuditEntry, Sale, Shift
from memberdesk.models.enums import ShiftStatus
from memberdesk.services.offline.files import enabled
from memberdesk.services.offline.queue import REFUSED, OfflineQueue, QueueCounts, queue_path
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    ConflictError,
    Localized,
    NotFoundError,
    ValidationError,
)
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.shared.this_store import current_store_id

WRITE_OFF = "offline.write_off"
MAX_REASON = 200


@dataclass(frozen=True)
class WriteOffResult:
    seq: int
    amount: int  # fen, as priced offline
    shift_no: str | None  # the cashier's open shift the cash is in (None: none open)
    counts: QueueCounts


def _lines(cart: dict[str, Any]) -> list[dict[str, Any]]:
    """The lines as priced offline (``priced``), else as queued (older rows)."""
    priced = cart.get("priced")
    return list(priced) if isinstance(priced, list) else list(cart.get("lines", []))


def write_off_refused(db: Database, actor: Actor, seq: int, reason: str) -> WriteOffResult:
    """Write off the refused offline sale ``seq`` (see the module docstring); a manager
    (permission verify_shift), a reason required."""
    reason = clean_text(reason, 10_000)
    if not reason:
        raise ValidationError("reason_required")
    if len(reason) > MAX_REASON:
        raise ValidationError("field_too_long", field=Localized("原因", "reason"), max=MAX_REASON)
    if not enabled(db):
        raise NotFoundError("offline_sale_not_refused", seq=seq)
    with OfflineQueue(queue_path(db)) as queue:
        row = next((r for r in queue.rows(REFUSED) if r.seq == seq), None)
        if row is None:
            raise NotFoundError("offline_sale_not_refused", seq=seq)
        with db.uow() as uow:
            s = uow.session
            require(s, actor, Permission.VERIFY_SHIFT)
            if s.scalar(select(Sale.sale_no).where(Sale.client_id == row.client_id)):
                raise ConflictError("offline_sale_on_server", local_no=row.local_no)
            shift_no = s.scalar(
                select(Shift.shift_no).where(
                    Shift.staff_id == row.staff_id,
                    Shift.status == ShiftStatus.OPEN,
                    Shift.store_id == current_store_id(s),
                )
            )
            done = s.scalar(
                select(AuditEntry.id).where(
                    AuditEntry.action == WRITE_OFF, AuditEntry.entity_id == row.client_id
                )
            )
            if done is None:
                audit.record(
                    s,
                    action=WRITE_OFF,
                    staff_id=actor.staff_id,
                    entity="offline_sale",
                    entity_id=row.client_id,
                    detail={
                        "client_id": row.client_id,
                        "local_no": row.local_no,
                        "amount": row.payable,
                        "cash": row.received,
                        "lines": _lines(row.cart),
                        "made_at": row.created_at,
                        "cashier_id": row.staff_id,
                        "cashier": row.username,
                        "shift_no": shift_no,
                        "refused": row.reason_code,
                        "reason": reason,
                    },
                )
            uow.commit()
        queue.mark_written_off(seq, reason, actor.display_name, clock.now().isoformat())
        return WriteOffResult(seq, row.payable, shift_no, queue.counts())
