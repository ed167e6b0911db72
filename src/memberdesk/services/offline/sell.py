"""A walk-in cash sale while the server is gone: priced from the local catalogue by the
same pricing rules as the checkout (:func:`~memberdesk.services.pricing.prices.price_cart`
and :func:`~memberdesk.services.pricing.tenders.plan_tenders`, with no member, no
coupon, no campaign: list prices, which the receipt says), stored in the queue file
before its receipt is made. A line is a product of the copy or a plain amount
(直接收款, a line without a product, as at the counter), sent the same way.

Members, stored value, points and coupons are refused here with their own message:
nothing of a member is ever spent offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from memberdesk.domain import shoptime
from memberdesk.domain.line_names import PLAIN_AMOUNT
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money, display_fen
from memberdesk.services.offline.catalogue import LocalCatalogue
from memberdesk.services.offline.files import CATALOGUE_FILE, QUEUE_FILE
from memberdesk.services.offline.queue import OfflineQueue, QueuedSale
from memberdesk.services.pricing.prices import LineInput, PriceBreakdown, price_cart
from memberdesk.services.pricing.tenders import TenderRequest, label, named, plan_tenders
from memberdesk.services.receipts.data import ReceiptAmount, ReceiptData, ReceiptLine
from memberdesk.services.receipts.text import OFFLINE_NOTE, OFFLINE_PRICE_NOTE
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import Localized, ValidationError
from memberdesk.services.shared.requests import check_amount, check_client_id, clean_text

MAX_LINES = 200
MAX_QTY = 9999


@dataclass(frozen=True)
class OfflineLine:
    """A product of the local catalogue (by id), or a free amount with a description."""

    product_id: int | None = None
    qty: int = 1
    amount: Money | None = None
    description: str = ""


@dataclass(frozen=True)
class OfflineSaleRequest:
    client_id: str
    lines: tuple[OfflineLine, ...]
    tenders: tuple[TenderRequest, ...]
    member_id: int | None = None  # always refused: here so the refusal is explicit
    coupon_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfflineSaleResult:
    queued: QueuedSale
    breakdown: PriceBreakdown
    change: Money
    receipt: ReceiptData
    sv_balance: None = None  # as a checkout result without a member (the receipt dialog)
    points_balance: None = None
    points_earned: int = 0


MEMBERS = Localized("会员、储值、积分", "members, stored value and points")
COUPONS = Localized("优惠券", "coupons")


def refuse_member_work(what: Localized = MEMBERS) -> ValidationError:
    """The error for work a till cannot do offline (member lookup, stored value,
    points, coupons, recharge, refunds): ``what`` names it in both languages."""
    return ValidationError("offline_refused", what=what)


def _check(request: OfflineSaleRequest) -> Money:
    check_client_id(request.client_id)
    if request.member_id is not None:
        raise refuse_member_work(MEMBERS)
    if request.coupon_codes:
        raise refuse_member_work(COUPONS)
    if not request.lines:
        raise ValidationError("empty_cart")
    if len(request.lines) > MAX_LINES:
        raise ValidationError("too_many_lines", max=MAX_LINES)
    for ln in request.lines:
        if type(ln.qty) is not int or not 1 <= ln.qty <= MAX_QTY:
            raise ValidationError("invalid_qty", qty=ln.qty, max=MAX_QTY)
        if (ln.product_id is None) == (ln.amount is None):
            raise ValidationError("line_product_or_amount")
        if ln.amount is not None:
            check_amount(ln.amount)
    cash = Money(0)
    for t in request.tenders:
        if t.kind is not TenderKind.CASH:
            raise ValidationError("offline_cash_only", kind=named(t.kind))
        check_amount(t.amount)
        cash += t.amount
    return cash


def _inputs(cat: LocalCatalogue, lines: tuple[OfflineLine, ...]) -> list[LineInput]:
    max_line = cat.setting_int("checkout.max_line_fen")
    inputs: list[LineInput] = []
    for ln in lines:
        if ln.product_id is None:
            desc = clean_text(ln.description, 60) or PLAIN_AMOUNT
            li = LineInput(None, "", desc, ln.qty, ln.amount or Money(0))
        else:
            p = cat.by_id(ln.product_id)
            li = LineInput(
                p.id, p.code, p.name, ln.qty, p.price, (), p.discountable, None, p.points_ratio
            )
        gross = li.unit_price.fen * li.qty
        if gross > max_line:
            raise ValidationError(
                "amount_too_large", amount=display_fen(gross), max=Money(max_line).display()
            )
        inputs.append(li)
    return inputs


def quote_offline(folder: Path, lines: tuple[OfflineLine, ...]) -> PriceBreakdown:
    """Price a walk-in cart from the local catalogue (live totals while offline)."""
    with LocalCatalogue(folder / CATALOGUE_FILE) as cat:
        return price_cart(_inputs(cat, lines), rounding=cat.settings["checkout.rounding"])


def _cart_json(lines: tuple[OfflineLine, ...]) -> list[dict[str, object]]:
    return [
        {"product_id": ln.product_id, "qty": ln.qty}
        if ln.product_id is not None
        else {
            "amount": (ln.amount or Money(0)).fen,
            "qty": ln.qty,
            "description": clean_text(ln.description, 60),
        }
        for ln in lines
    ]


def _priced_json(bd: PriceBreakdown) -> list[dict[str, object]]:
    return [
        {
            "code": pl.code,
            "name": pl.description,
            "qty": pl.qty,
            "unit_price": pl.unit_price.fen,
            "net": pl.net.fen,
        }
        for pl in bd.lines
    ]


def sell_offline(folder: Path, actor: Actor, request: OfflineSaleRequest) -> OfflineSaleResult:
    """Price, check the cash, queue the sale (on the disk when this returns) and make
    its receipt, marked offline with the local number. ``folder``: the data folder."""
    cash = _check(request)
    with LocalCatalogue(folder / CATALOGUE_FILE) as cat:
        bd = price_cart(_inputs(cat, request.lines), rounding=cat.settings["checkout.rounding"])
        plan = plan_tenders(
            request.tenders,
            bd.payable,
            points=None,
            has_member=False,
            max_change=Money(cat.setting_int("checkout.max_change_fen")),
        )
        offset = cat.setting_int("shop.timezone_offset_minutes")
        shop_name, prefix = cat.settings["shop_name"], cat.settings["number_prefix"]
        # the header's address and phone (a copy made before they were kept: none)
        address, phone = cat.settings.get("shop_address", ""), cat.settings.get("shop_phone", "")
    at = clock.now()
    day = shoptime.business_date(at, offset)
    request_json = {
        "lines": _cart_json(request.lines),
        "tenders": [t.amount.fen for t in request.tenders],
        "priced": _priced_json(bd),  # what the cashier saw (a write-off records it)
    }
    with OfflineQueue(folder / QUEUE_FILE) as queue:
        queued = queue.add(
            request.client_id,
            (actor.staff_id, actor.username, actor.display_name, actor.role.value),
            at.isoformat(),
            f"{day:%Y%m%d}",
            prefix,
            request_json,
            bd.payable.fen,
            cash.fen,
        )
    local = shoptime.local_time(at, offset)
    receipt = ReceiptData(
        kind="sale",
        shop_name=shop_name,
        shop_address=address,
        shop_phone=phone,
        number=queued.local_no,
        issued_at=f"{local:%Y-%m-%d %H:%M:%S}",
        cashier=actor.display_name,
        lines=tuple(
            ReceiptLine(pl.description, pl.qty, pl.unit_price, pl.gross, pl.discount, pl.net)
            for pl in bd.lines
        ),
        discounts=tuple(ReceiptAmount(d.label, d.amount) for d in bd.discounts),
        gross=bd.gross,
        discount_total=bd.discount_total,
        total=bd.payable,
        tenders=tuple(ReceiptAmount(label(t.kind), t.amount) for t in plan.tenders),
        cash_received=cash,
        change=plan.change,
        notes=(OFFLINE_NOTE, OFFLINE_PRICE_NOTE),
    )
    return OfflineSaleResult(queued, bd, plan.change, receipt)
