"""What a receipt says, as a frozen DTO stored with its sale, recharge or refund
(JSON in ``receipt_json``) so it can be printed again exactly as it was."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from memberdesk.money import Money

ZERO = Money(0)


@dataclass(frozen=True)
class ReceiptLine:
    description: str
    qty: int
    unit_price: Money
    gross: Money
    discount: Money
    net: Money
    gift: bool = False  # 满赠: given at zero price (printed as 赠品)


@dataclass(frozen=True)
class ReceiptAmount:
    label: str
    amount: Money
    note: str = ""  # e.g. "使用 1234 积分", "本金 80.00 + 赠送 20.00"


@dataclass(frozen=True)
class ReceiptData:
    kind: str  # "sale" | "recharge" | "refund" | "recharge_refund"
    shop_name: str
    number: str
    issued_at: str  # shop-local "YYYY-MM-DD HH:MM:SS"
    cashier: str
    member_no: str = ""
    member_name: str = ""
    member_phone: str = ""  # masked
    lines: tuple[ReceiptLine, ...] = ()
    discounts: tuple[ReceiptAmount, ...] = ()
    gross: Money = ZERO
    discount_total: Money = ZERO
    total: Money = ZERO  # payable / recharge paid / refund returned
    tenders: tuple[ReceiptAmount, ...] = ()
    cash_received: Money | None = None
    change: Money = ZERO
    points_earned: int = 0  # negative on a refund: points taken back
    points_used: int = 0  # negative on a refund: points given back
    bonus: Money = ZERO  # recharge bonus
    bonus_points: int = 0
    sv_balance: Money | None = None  # member's stored value after this
    points_balance: int | None = None  # member's points after this
    # The expiry reminder (points.reminder_days): points expiring on a date (ISO).
    points_expiring: int = 0
    points_expiring_on: str = ""
    notes: tuple[str, ...] = ()
    footer: str = ""
    footer_en: str = ""  # the English receipt's ("" on receipts stored before it)
    # Under the name (receipts.header); "" on receipts stored before they were printed.
    shop_address: str = ""
    shop_phone: str = ""


_MONEY = {"unit_price", "gross", "discount", "net", "amount", "discount_total", "total",
          "cash_received", "change", "bonus", "sv_balance"}


_NAMES = {cls: tuple(f.name for f in fields(cls))
          for cls in (ReceiptLine, ReceiptAmount, ReceiptData)}


def _plain(obj: Any) -> Any:
    if isinstance(obj, Money):
        return obj.fen
    if isinstance(obj, tuple):
        return [_plain(x) for x in obj]
    names = _NAMES.get(type(obj))
    if names is None and hasattr(obj, "__dataclass_fields__"):
        names = tuple(f.name for f in fields(obj))
    if names is not None:
        return {name: _plain(getattr(obj, name)) for name in names}
    return obj


def to_json(data: ReceiptData) -> str:
    return json.dumps(_plain(data), ensure_ascii=False, separators=(",", ":"))


def _money_fields(raw: dict[str, Any]) -> dict[str, Any]:
    return {k: (Money(v) if k in _MONEY and v is not None else v) for k, v in raw.items()}


def from_json(text: str) -> ReceiptData:
    raw = _money_fields(json.loads(text))
    raw["lines"] = tuple(ReceiptLine(**_money_fields(x)) for x in raw.get("lines", []))
    raw["discounts"] = tuple(ReceiptAmount(**_money_fields(x)) for x in raw.get("discounts", []))
    raw["tenders"] = tuple(ReceiptAmount(**_money_fields(x)) for x in raw.get("tenders", []))
    raw["notes"] = tuple(raw.get("notes", []))
    return ReceiptData(**raw)
