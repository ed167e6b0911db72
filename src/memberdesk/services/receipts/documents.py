"""Receipts of sales, recharges and refunds: the shared header, and reprinting."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.line_names import SAMPLE_ITEM
from memberdesk.models import AuditEntry, Recharge, Sale, Staff
from memberdesk.money import Money
from memberdesk.services.members.profiles import mask_phone
from memberdesk.services.receipts.data import ReceiptAmount, ReceiptData, ReceiptLine, from_json
from memberdesk.services.receipts.header import ShopHeader, header_columns, header_of
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.driver import run
from memberdesk.services.shared.errors import NotFoundError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection
from memberdesk.services.shared.this_store import current_store_id


class Holder(Protocol):
    """What a receipt shows of a member (a :class:`Member` or a lighter row)."""

    @property
    def member_no(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def phone(self) -> str | None: ...


# The header (shop name, address, phone) and the cashier's name, in one statement
# (any may be missing: "").
_NAMES = select(
    *header_columns(bindparam("store_id")),
    select(Staff.display_name).where(Staff.id == bindparam("staff_id"))
    .scalar_subquery().label("cashier"),
)


def receipt_head(
    s: Session, kind: str, number: str, at: datetime, staff_id: int, member: Holder | None,
    policy: Policy | None = None, names: tuple[ShopHeader, str] | None = None,
) -> ReceiptData:
    """A receipt with its header filled in (shop name, address and phone, number,
    time, cashier, member). ``names`` is the header and the cashier's name when the
    caller has read them (:mod:`.header`)."""
    policy = policy or Policy.load(s)
    if names is None:
        row = run(connection(s), _NAMES,
                  {"staff_id": staff_id, "store_id": current_store_id(s)}).one()
        names = header_of(row), row.cashier or ""
    header, cashier = names
    return ReceiptData(
        kind=kind,
        shop_name=header.name,
        shop_address=header.address,
        shop_phone=header.phone,
        number=number,
        issued_at=policy.local_time(at).strftime("%Y-%m-%d %H:%M:%S"),
        cashier=cashier or "",
        member_no=member.member_no if member else "",
        member_name=member.name if member else "",
        member_phone=mask_phone(member.phone) if member else "",
        footer=policy.text("shop.receipt_footer"),
        footer_en=policy.text("shop.receipt_footer_en"),
    )


@dataclass(frozen=True)
class StoredReceipt:
    """A stored receipt and when its sale or recharge was made, in the shop's time zone
    as it is now (None: a refund's receipt). A reprint copies the receipt as it was
    printed; a screen shows ``made_at``, and says the printed time beside it when the
    shop's time zone has changed since (``printed_elsewhen``)."""

    receipt: ReceiptData
    made_at: datetime | None = None

    @property
    def printed_elsewhen(self) -> bool:
        """The receipt's printed time is not ``made_at`` (to the minute): it was
        printed under another time zone."""
        return (self.made_at is not None
                and self.receipt.issued_at[:16] != f"{self.made_at:%Y-%m-%d %H:%M}")


def stored_receipt(db: Database, actor: Actor, number: str) -> StoredReceipt:
    """The stored receipt of a sale, recharge or refund, by its number, with the
    time its sale or recharge was made in the shop's time now."""
    number = number.strip()
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        for model, column in ((Sale, Sale.sale_no), (Recharge, Recharge.recharge_no)):
            row = s.execute(select(model.receipt_json, model.created_at)
                            .where(column == number)).first()
            if row is not None and row[0]:
                return StoredReceipt(from_json(row[0]), clock.local_time(s, row[1]))
        detail = s.scalar(select(AuditEntry.detail).where(
            AuditEntry.entity == "refund", AuditEntry.entity_id == number))
        if detail:
            return StoredReceipt(from_json(json.dumps(json.loads(detail)["result"]["receipt"])))
    raise NotFoundError("sale_not_found", key=number)


def load_receipt(db: Database, actor: Actor, number: str) -> ReceiptData:
    """The stored receipt of a sale, recharge or refund, by its number (reprint: as it
    was printed, its time too)."""
    return stored_receipt(db, actor, number).receipt


def receipt_preview(db: Database, actor: Actor) -> ReceiptData:
    """A made-up sale as this till's next receipt would print it (its header and
    footer as they are now): Settings → Shop shows it beside the shop's details, its
    sample line and cash named in the window's language (:func:`.text.render_text`)."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        head = receipt_head(s, "sale", "S00000000-0001", clock.now(), actor.staff_id, None)
    price = Money(1000)
    return replace(head, lines=(ReceiptLine(SAMPLE_ITEM, 1, price, price, Money(0), price),),
                   gross=price, total=price, tenders=(ReceiptAmount("现金", price),))
