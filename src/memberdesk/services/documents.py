"""The receipt header shared by sales, recharges and refunds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from memberdesk.models import Member, Shop, Staff

from . import clock, settings
from .members import mask_phone
from .receipt_data import ReceiptData


def receipt_head(
    s: Session, kind: str, number: str, at: datetime, staff_id: int, member: Member | None
) -> ReceiptData:
    """A receipt with its header filled in (shop, number, time, cashier, member)."""
    shop = s.get(Shop, 1)
    staff = s.get(Staff, staff_id)
    return ReceiptData(
        kind=kind,
        shop_name=shop.name if shop else "",
        number=number,
        issued_at=clock.local_time(s, at).strftime("%Y-%m-%d %H:%M:%S"),
        cashier=staff.display_name if staff else "",
        member_no=member.member_no if member else "",
        member_name=member.name if member else "",
        member_phone=mask_phone(member.phone) if member else "",
        footer=settings.get_str(s, "shop.receipt_footer"),
    )
