"""The points mall (积分商城): the owner's gift list, redeeming a gift at the counter,
and a manager's reversal.

A gift is a product of the catalogue with a points price, on or off the shelf (see
:mod:`memberdesk.models.mall` for why a product: the owner receives and counts gifts
on the stock page, and a product sold at the till may also be a gift). Redeeming
debits the member's points through :func:`.ledger.debit_points` (soonest-expiring
lots first) and takes the gift off the stock ledger (:func:`.stock.post_gift`, never
below zero) in ONE transaction with the redemption row, its receipt (marked 兑) and
the audit row; short points or stock refuse it and nothing is written. A reversal
gives the points back to the lots they came from and the gift back to stock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import (
    MallGift,
    MallRedemption,
    Member,
    PointsLotMove,
    Product,
    StockEntry,
    StockKind,
    StockLevel,
)
from memberdesk.models.enums import PointsKind
from memberdesk.services.members.rows import active_member
from memberdesk.services.receipts.data import ReceiptData, from_json, to_json
from memberdesk.services.receipts.documents import receipt_head
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError
from memberdesk.services.shared.ledger import (
    Refs,
    debit_points,
    return_points_to_lots,
    usable_points,
)
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.requests import check_client_id, clean_text, payload_hash
from memberdesk.services.shared.this_store import current_store_id
from memberdesk.services.stock.ledger import post_gift

MAX_POINTS_PRICE = 10_000_000
MAX_QTY = 99
REASON_MAX = 200


@dataclass(frozen=True)
class GiftInfo:
    code: str
    name: str
    unit: str
    points_price: int
    on_shelf: bool
    tracked: bool
    on_hand: int


@dataclass(frozen=True)
class RedeemRequest:
    client_id: str
    member_id: int
    code: str  # the gift's product code
    qty: int = 1


@dataclass(frozen=True)
class RedeemResult:
    """What the counter shows after a redemption or its reversal (and the slip)."""

    redemption_no: str
    member_no: str
    gift: str
    qty: int
    points: int  # taken (redeem) or given back (reversal)
    points_balance: int
    sv_balance: object  # Money: the slip shows the member's balances
    on_hand: int
    receipt: ReceiptData
    replayed: bool = False


# -- the gift list (the owner) ---------------------------------------------------------------
def _product(s: Session, code: str) -> Product:
    p = s.scalar(select(Product).where(Product.code == str(code or "").strip()))
    if p is None:
        raise NotFoundError("product_not_found", key=code)
    return p


def _info(s: Session, p: Product, gift: MallGift) -> GiftInfo:
    level = s.get(StockLevel, (p.id, current_store_id(s)))  # this till's store's stock
    tracked = level is not None and level.tracked
    return GiftInfo(p.code, p.name, p.unit, gift.points_price, gift.on_shelf, tracked,
                    level.on_hand if level is not None and tracked else 0)


def check_points_price(value: object) -> int:
    if type(value) is not int or not 1 <= value <= MAX_POINTS_PRICE:
        raise ValidationError("mall_points_price", text=str(value), max=f"{MAX_POINTS_PRICE:,}")
    return value


def save_gift(db: Database, actor: Actor, code: str, points_price: int,
              on_shelf: bool = True) -> GiftInfo:
    """Offer a product as a gift (or change its points price / shelf state)."""
    points_price = check_points_price(points_price)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        p = _product(s, code)
        if p.is_service:
            raise ValidationError("mall_service", product=p.name)
        if not p.active and on_shelf:
            raise ValidationError("mall_product_inactive", product=p.name)
        gift = s.get(MallGift, p.id)
        old = None if gift is None else [gift.points_price, gift.on_shelf]
        if gift is None:
            gift = MallGift(product_id=p.id, points_price=points_price, on_shelf=on_shelf,
                            created_at=clock.now())
            s.add(gift)
        gift.points_price, gift.on_shelf = points_price, on_shelf
        s.flush()
        audit.record(s, action="mall.gift", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"before": old, "after": [points_price, on_shelf]})
        info = _info(s, p, gift)
        uow.commit()
    return info


def set_gift_shelf(db: Database, actor: Actor, code: str, on_shelf: bool) -> GiftInfo:
    """Put a gift on the shelf (上架) or take it off (下架); its history stays."""
    with db.reader() as uow:
        gift = _gift(uow.session, code)[1]
        price = gift.points_price
    return save_gift(db, actor, code, price, on_shelf)


def _gift(s: Session, code: str) -> tuple[Product, MallGift]:
    p = s.scalar(select(Product).where(Product.code == str(code or "").strip()))
    gift = None if p is None else s.get(MallGift, p.id)
    if p is None or gift is None:
        raise NotFoundError("mall_gift_not_found", key=code)
    return p, gift


def list_gifts(db: Database, *, on_shelf_only: bool = False) -> tuple[GiftInfo, ...]:
    """The gifts by points price then code (the counter shows only those on the shelf),
    with this till's store's stock."""
    with db.reader() as uow:
        store_id = current_store_id(uow.session)
        stmt = (select(Product.code, Product.name, Product.unit, MallGift.points_price,
                       MallGift.on_shelf, StockLevel.tracked, StockLevel.on_hand)
                .join(MallGift, MallGift.product_id == Product.id)
                .outerjoin(StockLevel, and_(StockLevel.product_id == Product.id,
                                            StockLevel.store_id == store_id))
                .order_by(MallGift.points_price, Product.code))
        if on_shelf_only:
            stmt = stmt.where(MallGift.on_shelf.is_(True), Product.active.is_(True))
        return tuple(GiftInfo(c, n, u, int(pp), bool(sh), bool(t), int(q or 0) if t else 0)
                     for c, n, u, pp, sh, t, q in uow.session.execute(stmt))


# -- redeeming (the counter) -------------------------------------------------------------------
def gift_line(name: str, qty: int, points: int) -> str:
    """The receipt's gift line (translated by :func:`.receipts.english`)."""
    return f"兑 {name} x {qty} = {points} 积分"


def _result(r: MallRedemption, receipt: ReceiptData, replayed: bool, points: int,
            on_hand: int, gift: str) -> RedeemResult:
    return RedeemResult(r.redemption_no, receipt.member_no, gift, r.qty, points,
                        receipt.points_balance or 0, receipt.sv_balance, on_hand, receipt,
                        replayed)


def redeem_gift(db: Database, actor: Actor, request: RedeemRequest) -> RedeemResult:
    """Give the member ``qty`` of a gift for its points (兑换), all or nothing."""
    client_id = check_client_id(request.client_id)
    qty = request.qty
    if type(qty) is not int or not 1 <= qty <= MAX_QTY:
        raise ValidationError("mall_bad_qty", text=str(qty), max=MAX_QTY)
    digest = payload_hash(("mall.redeem", request.member_id, request.code, qty))
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        prior = s.scalar(select(MallRedemption).where(MallRedemption.client_id == client_id))
        if prior is not None:
            if payload_hash(("mall.redeem", prior.member_id, _code_of(s, prior), prior.qty)) \
                    != digest:
                raise ConflictError("client_id_reused", client_id=client_id)
            level = s.get(StockLevel, (prior.product_id, current_store_id(s)))
            return _result(prior, from_json(prior.receipt_json), True, prior.points,
                           level.on_hand if level else 0, _name_of(s, prior))
        member = active_member(s, request.member_id)
        p, gift = _gift(s, request.code)
        if not gift.on_shelf or not p.active:
            raise ValidationError("mall_off_shelf", gift=p.name)
        at = clock.now()
        policy = Policy.load(s)
        today = policy.business_date(at)
        points = gift.points_price * qty
        available = usable_points(s, member.id, today)
        if available < points:
            raise ValidationError("mall_points_short", gift=p.name, qty=qty, needed=points,
                                  available=available, short=points - available)
        number = clock.next_number(s, MallRedemption.redemption_no, "D", today)
        store_id = current_store_id(s)  # the gift leaves this till's store
        on_hand = post_gift(s, p.id, -qty, store_id=store_id, staff_id=actor.staff_id, at=at,
                            note=number)
        if on_hand is None:
            level = s.get(StockLevel, (p.id, store_id))
            if level is None or not level.tracked:
                raise ValidationError("mall_not_tracked", gift=p.name)
            raise ValidationError("mall_stock_short", gift=p.name, on_hand=level.on_hand,
                                  qty=qty, unit=p.unit)
        entry, _lots = debit_points(s, member.id, PointsKind.REDEEM, points, today,
                                    Refs(staff_id=actor.staff_id, note=f"积分兑换 {number}"))
        r = MallRedemption(redemption_no=number, client_id=client_id, member_id=member.id,
                           product_id=p.id, qty=qty, points=points, business_date=today,
                           staff_id=actor.staff_id, points_entry_id=entry.id, created_at=at)
        s.add(r)
        s.flush()
        receipt = replace(
            receipt_head(s, "redeem", number, at, actor.staff_id, member, policy),
            points_used=points, sv_balance=member.sv_principal + member.sv_bonus,
            points_balance=entry.balance_after, notes=(gift_line(p.name, qty, points),))
        r.receipt_json = to_json(receipt)
        audit.record(s, action="mall.redeem", staff_id=actor.staff_id, entity="redemption",
                     entity_id=number, detail={"member": member.member_no, "gift": p.code,
                                               "qty": qty, "points": points,
                                               "on_hand": on_hand})
        result = _result(r, receipt, False, points, on_hand, p.name)
        uow.commit()
    return result


def _code_of(s: Session, r: MallRedemption) -> str:
    return str(s.scalar(select(Product.code).where(Product.id == r.product_id)))


def _name_of(s: Session, r: MallRedemption) -> str:
    return str(s.scalar(select(Product.name).where(Product.id == r.product_id)))


def reverse_redemption(db: Database, actor: Actor, number: str, reason: str, *,
                       approval_id: int | None = None) -> RedeemResult:
    """Undo a redemption (撤销兑换): the points back to the lots they came from (a lot
    expired since keeps its date), the gift back in stock; a manager's (``REFUND``,
    or a cashier with a manager's approval), audited with the reason."""
    reason = clean_text(reason, REASON_MAX)
    if not reason:
        raise ValidationError("mall_reason_required")
    with db.uow() as uow:
        s = uow.session
        at = clock.now()
        approver = require(s, actor, Permission.REFUND, approval_id=approval_id, now=at)
        r = s.scalar(select(MallRedemption).where(
            MallRedemption.redemption_no == str(number or "").strip()))
        if r is None:
            raise NotFoundError("mall_redemption_not_found", key=number)
        if r.reversed_at is not None:
            raise ValidationError("mall_already_reversed", number=r.redemption_no)
        member = s.get(Member, r.member_id)
        assert member is not None
        lots = [(int(lot), -int(d)) for lot, d in s.execute(
            select(PointsLotMove.lot_id, PointsLotMove.delta)
            .where(PointsLotMove.entry_id == r.points_entry_id).order_by(PointsLotMove.id))]
        entry = return_points_to_lots(s, member.id, PointsKind.REDEEM_RETURN, lots, Refs(
            staff_id=actor.staff_id, note=f"撤销兑换 {r.redemption_no}"))
        gave = s.scalar(select(StockEntry.store_id).where(  # back to the store it left
            StockEntry.product_id == r.product_id, StockEntry.kind == StockKind.GIFT,
            StockEntry.note == r.redemption_no).limit(1))
        on_hand = post_gift(s, r.product_id, r.qty,
                            store_id=current_store_id(s) if gave is None else int(gave),
                            staff_id=actor.staff_id, at=at, note=f"撤销 {r.redemption_no}")
        r.reversed_at, r.reversed_by = at, actor.staff_id
        r.reversal_reason, r.reversal_entry_id = reason, entry.id
        name = _name_of(s, r)
        policy = Policy.load(s)
        receipt = replace(
            receipt_head(s, "redeem_reversal", r.redemption_no, at, actor.staff_id, member,
                         policy),
            points_used=-r.points, sv_balance=member.sv_principal + member.sv_bonus,
            points_balance=entry.balance_after,
            notes=(gift_line(name, r.qty, r.points), f"原因：{reason}"))
        audit.record(s, action="mall.reverse", staff_id=actor.staff_id, approver_id=approver,
                     entity="redemption", entity_id=r.redemption_no,
                     detail={"member": member.member_no, "qty": r.qty, "points": r.points,
                             "reason": reason, "receipt": receipt.kind})
        result = RedeemResult(r.redemption_no, member.member_no, name, r.qty, r.points,
                              entry.balance_after, receipt.sv_balance, on_hand or 0, receipt)
        uow.commit()
    return result
