"""The day-close (日结) report: every figure of one business day, as a frozen DTO.

Computed from the window of records a close covers (see ``window``); stored as
JSON when the day is closed, so a sealed report is read back, never recomputed.

Times: :func:`compute` keeps the UTC instants (that is what a sealed close stores
and hashes, old closes included); the report the services hand out has every time
in the shop's wall-clock time (:func:`in_shop_time`), like every other report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from memberdesk.domain.shoptime import shop_time
from memberdesk.models import (
    CountCardEntry,
    CouponEvent,
    Member,
    PointsEntry,
    Recharge,
    Refund,
    RefundTender,
    Sale,
    SaleDiscount,
    Shift,
    ShiftCount,
    Staff,
    StoredValueEntry,
    Tender,
    TierChange,
)
from memberdesk.models.enums import (
    CountUseKind,
    CouponEventKind,
    DiscountKind,
    PointsKind,
    RefundKind,
    StoredValueKind,
    TenderKind,
)
from memberdesk.money import Money
from memberdesk.services.shared import clock
from memberdesk.services.shop.stores import store_label

from . import count_card_report
from .loyalty_moves import LoyaltyMoves, loyalty_moves
from .top_sellers import top_sellers
from .window import Watermarks, Window, last_close

ZERO = Money(0)


@dataclass(frozen=True)
class RefundRow:
    refund_no: str
    kind: RefundKind
    original_no: str
    amount: Money
    reason: str
    staff: str
    approver: str
    at: datetime


@dataclass(frozen=True)
class ShiftRow:
    shift_no: str
    staff: str
    opened_at: datetime
    closed_at: datetime | None
    kind: TenderKind
    expected: Money
    counted: Money
    variance: Money


@dataclass(frozen=True)
class CashierRow:
    staff: str
    sales_count: int
    sales_net: Money
    refunds: Money
    recharges: Money


@dataclass(frozen=True)
class ProductRow:
    code: str
    name: str
    qty: int
    net: Money
    # 进价 x net qty when the report was made; None: no cost known (or older closes).
    cost: Money | None = None


@dataclass(frozen=True)
class DayReport:
    close_no: int | None  # None: a preview of a day not closed yet
    business_date: date
    since: datetime | None
    until: datetime
    sales_count: int
    gross: Money
    discounts: tuple[tuple[DiscountKind, Money], ...]
    net: Money
    sales_by_tender: tuple[tuple[TenderKind, Money], ...]
    refunds_count: int
    refunds_total: Money
    refunds_by_tender: tuple[tuple[TenderKind, Money], ...]
    refunds: tuple[RefundRow, ...]
    recharges_count: int
    recharges_principal: Money
    recharges_bonus: Money
    recharges_bonus_points: int
    recharges_by_tender: tuple[tuple[TenderKind, Money], ...]
    takings_by_tender: tuple[tuple[TenderKind, Money], ...]  # sales + recharges - refunds
    shifts: tuple[ShiftRow, ...]
    sv_open_principal: Money
    sv_open_bonus: Money
    sv_close_principal: Money
    sv_close_bonus: Money
    sv_movements: tuple[tuple[StoredValueKind, Money, Money], ...]  # kind, principal, bonus
    points_open: int
    points_close: int
    points_movements: tuple[tuple[PointsKind, int], ...]
    coupons: tuple[tuple[CouponEventKind, int], ...]
    new_members: int
    cashiers: tuple[CashierRow, ...]
    top_products: tuple[ProductRow, ...]
    top_categories: tuple[ProductRow, ...]
    late_sales: int  # sales from earlier business dates included here
    watermarks: Watermarks = field(default_factory=Watermarks)
    # The shop's offset from UTC (minutes) when the report was made; None in closes
    # sealed before it was recorded (their times are then shown with today's offset).
    utc_offset_minutes: int | None = None
    # True: top products and categories are net of the window's refunds. Closes sealed
    # before that was so lack the field and read back False (their lists are before
    # refunds, and say so). Sealed JSON is never rewritten: its hash is over the text.
    top_after_refunds: bool = False
    # Count cards (issue 12): uses moved in the window by kind (signed), and the uses left
    # on active cards at the close with their deferred value. Older closes read back empty.
    count_card_moves: tuple[tuple[CountUseKind, int], ...] = ()
    count_cards_outstanding: int = 0
    count_cards_deferred: Money = ZERO
    # Sign-ins, gifts, referral rewards, points expired, tier changes (older closes: 0).
    loyalty: LoyaltyMoves = field(default_factory=LoyaltyMoves)
    store: str = ""  # the store closed, on a chain ("B2 人民路店"); "" in a one-store shop

    # ``net`` (a sealed name): the day's sales before refunds, gross less discounts.
    @property
    def discount_total(self) -> Money:
        return Money(sum(m.fen for _, m in self.discounts))

    @property
    def sales_total(self) -> Money:
        """The day's sales before refunds (the sealed ``net``)."""
        return self.net

    @property
    def sale_refunds_count(self) -> int:
        return sum(1 for r in self.refunds if r.kind is RefundKind.SALE)

    @property
    def sale_refunds_total(self) -> Money:
        """Refunds of sales (any day's) made in this report's window."""
        return Money(sum(r.amount.fen for r in self.refunds if r.kind is RefundKind.SALE))

    @property
    def recharge_refunds_total(self) -> Money:
        return Money(sum(r.amount.fen for r in self.refunds if r.kind is RefundKind.RECHARGE))

    @property
    def net_sales(self) -> Money:
        """Net sales: sales less the refunds of sales (recharge refunds are not sales)."""
        return self.net - self.sale_refunds_total


def _money(v: object) -> Money:
    """A SUM over a money column: Money already, or a plain int/None (COALESCE/empty)."""
    if isinstance(v, Money):
        return v
    return Money(int(v or 0))  # type: ignore[call-overload]


def _by_kind(rows: Any) -> tuple[tuple[TenderKind, Money], ...]:
    out: dict[TenderKind, int] = {}
    for kind, amount in rows:
        out[TenderKind(kind)] = out.get(TenderKind(kind), 0) + _money(amount).fen
    return tuple((k, Money(v)) for k, v in sorted(out.items(), key=lambda kv: list(TenderKind).index(kv[0])) if v)


def _staff_names(s: Session) -> dict[int, str]:
    return {i: n for i, n in s.execute(select(Staff.id, Staff.display_name))}


def _opening(s: Session, w: Window) -> tuple[Money, Money, int]:
    prev = last_close(s, w.store_id) if w.store_id is not None else None
    if prev is None:
        return ZERO, ZERO, 0
    data = json.loads(prev.report_json)
    return Money(data["sv_close_principal"]), Money(data["sv_close_bonus"]), int(data["points_close"])


def _sales(s: Session, w: Window) -> tuple[int, Money, Money, int]:
    late = case((Sale.business_date < w.business_date, 1), else_=0)
    row = s.execute(
        select(func.count(), func.coalesce(func.sum(Sale.gross), 0),
               func.coalesce(func.sum(Sale.payable), 0), func.coalesce(func.sum(late), 0))
        .where(w.sales())
    ).one()
    return int(row[0]), _money(row[1]), _money(row[2]), int(row[3] or 0)


def _discounts(s: Session, w: Window) -> tuple[tuple[DiscountKind, Money], ...]:
    rows = s.execute(
        select(SaleDiscount.kind, func.sum(SaleDiscount.amount))
        .join(Sale, Sale.id == SaleDiscount.sale_id).where(w.sales())
        .group_by(SaleDiscount.kind)
    )
    found = {DiscountKind(k): _money(v) for k, v in rows}
    return tuple((k, found[k]) for k in DiscountKind if found.get(k))


def _refund_rows(s: Session, w: Window, names: dict[int, str]) -> tuple[RefundRow, ...]:
    out = []
    for r in s.scalars(select(Refund).where(w.refunds()).order_by(Refund.id)):
        if r.sale_id is not None:
            original = s.scalar(select(Sale.sale_no).where(Sale.id == r.sale_id)) or ""
        else:
            original = s.scalar(select(Recharge.recharge_no).where(Recharge.id == r.recharge_id)) or ""
        out.append(RefundRow(r.refund_no, r.kind, original, r.amount, r.reason,
                             names.get(r.staff_id, ""), names.get(r.approver_id or 0, ""),
                             r.created_at))
    return tuple(out)


def _shifts(s: Session, w: Window, names: dict[int, str]) -> tuple[ShiftRow, ...]:
    cond = [Shift.closed_at.is_not(None), Shift.closed_at <= w.until, w.shifts()]
    if w.since is not None:
        cond.append(Shift.closed_at > w.since)
    rows = s.execute(
        select(Shift, ShiftCount).join(ShiftCount, ShiftCount.shift_id == Shift.id)
        .where(*cond).order_by(Shift.id, ShiftCount.id)
    )
    return tuple(
        ShiftRow(sh.shift_no, names.get(sh.staff_id, ""), sh.opened_at, sh.closed_at,
                 c.tender_kind, c.expected, c.counted, c.variance)
        for sh, c in rows
    )


def _cashiers(s: Session, w: Window, names: dict[int, str]) -> tuple[CashierRow, ...]:
    stats: dict[int, list[int]] = {}
    for sid, n, net in s.execute(
        select(Sale.staff_id, func.count(), func.sum(Sale.payable)).where(w.sales())
        .group_by(Sale.staff_id)
    ):
        stats.setdefault(sid, [0, 0, 0, 0])[0:2] = [int(n), _money(net).fen]
    for sid, amount in s.execute(
        select(Refund.staff_id, func.sum(Refund.amount)).where(w.refunds()).group_by(Refund.staff_id)
    ):
        stats.setdefault(sid, [0, 0, 0, 0])[2] = _money(amount).fen
    for sid, amount in s.execute(
        select(Recharge.staff_id, func.sum(Recharge.amount)).where(w.recharges())
        .group_by(Recharge.staff_id)
    ):
        stats.setdefault(sid, [0, 0, 0, 0])[3] = _money(amount).fen
    return tuple(
        CashierRow(names.get(sid, str(sid)), v[0], Money(v[1]), Money(v[2]), Money(v[3]))
        for sid, v in sorted(stats.items())
    )


def compute(s: Session, w: Window, close_no: int | None = None) -> DayReport:
    names = _staff_names(s)
    count, gross, net, late = _sales(s, w)
    sales_by_tender = _by_kind(s.execute(
        select(Tender.kind, func.sum(Tender.amount)).join(Sale, Sale.id == Tender.sale_id)
        .where(w.sales()).group_by(Tender.kind)))
    refunds_by_tender = _by_kind(s.execute(
        select(RefundTender.kind, func.sum(RefundTender.amount))
        .join(Refund, Refund.id == RefundTender.refund_id).where(w.refunds())
        .group_by(RefundTender.kind)))
    recharge_row = s.execute(
        select(func.count(), func.coalesce(func.sum(Recharge.amount), 0),
               func.coalesce(func.sum(Recharge.bonus), 0),
               func.coalesce(func.sum(Recharge.bonus_points), 0)).where(w.recharges())).one()
    recharges_by_tender = _by_kind(s.execute(
        select(Recharge.tender_kind, func.sum(Recharge.amount)).where(w.recharges())
        .group_by(Recharge.tender_kind)))
    takings: dict[TenderKind, int] = {}
    for rows, sign in ((sales_by_tender, 1), (recharges_by_tender, 1), (refunds_by_tender, -1)):
        for k, m in rows:
            takings[k] = takings.get(k, 0) + sign * m.fen
    refunds = _refund_rows(s, w, names)
    sv_open_p, sv_open_b, points_open = _opening(s, w)
    sv_moves = s.execute(
        select(StoredValueEntry.kind, func.sum(StoredValueEntry.principal_delta),
               func.sum(StoredValueEntry.bonus_delta))
        .where(w.between(StoredValueEntry.id, w.previous.sv_entry, w.current.sv_entry))
        .group_by(StoredValueEntry.kind)).all()
    sv_p = sum(_money(p).fen for _, p, _ in sv_moves)
    sv_b = sum(_money(b).fen for _, _, b in sv_moves)
    pts_moves = s.execute(
        select(PointsEntry.kind, func.sum(PointsEntry.delta))
        .where(w.between(PointsEntry.id, w.previous.points_entry, w.current.points_entry))
        .group_by(PointsEntry.kind)).all()
    coupons = s.execute(
        select(CouponEvent.kind, func.count())
        .where(w.between(CouponEvent.id, w.previous.coupon_event, w.current.coupon_event))
        .group_by(CouponEvent.kind)).all()
    new_members = int(s.scalar(select(func.count()).select_from(Member).where(
        w.between(Member.id, w.previous.member, w.current.member))) or 0)
    products, categories = top_sellers(s, w)
    cards_left = count_card_report.outstanding(s)
    return DayReport(
        close_no=close_no,
        business_date=w.business_date,
        since=w.since,
        until=w.until,
        sales_count=count,
        gross=gross,
        discounts=_discounts(s, w),
        net=net,
        sales_by_tender=sales_by_tender,
        refunds_count=len(refunds),
        refunds_total=Money(sum(r.amount.fen for r in refunds)),
        refunds_by_tender=refunds_by_tender,
        refunds=refunds,
        recharges_count=int(recharge_row[0]),
        recharges_principal=_money(recharge_row[1]),
        recharges_bonus=_money(recharge_row[2]),
        recharges_bonus_points=int(recharge_row[3]),
        recharges_by_tender=recharges_by_tender,
        takings_by_tender=tuple(
            (k, Money(v)) for k, v in sorted(takings.items(), key=lambda kv: list(TenderKind).index(kv[0])) if v
        ),
        shifts=_shifts(s, w, names),
        sv_open_principal=sv_open_p,
        sv_open_bonus=sv_open_b,
        sv_close_principal=sv_open_p + Money(sv_p),
        sv_close_bonus=sv_open_b + Money(sv_b),
        sv_movements=tuple(
            (StoredValueKind(k), _money(p), _money(b)) for k, p, b in sv_moves
        ),
        points_open=points_open,
        points_close=points_open + sum(int(d or 0) for _, d in pts_moves),
        points_movements=tuple((PointsKind(k), int(d or 0)) for k, d in pts_moves),
        coupons=tuple((CouponEventKind(k), int(n)) for k, n in coupons),
        new_members=new_members,
        cashiers=_cashiers(s, w, names),
        top_products=tuple(ProductRow(c, n, q, Money(f), None if k is None else Money(k))
                           for c, n, q, f, k in products),
        top_categories=tuple(ProductRow(c, n, q, Money(f)) for c, n, q, f in categories),
        top_after_refunds=True,
        late_sales=late,
        watermarks=w.current,
        utc_offset_minutes=int(clock.local_offset(s) / timedelta(minutes=1)),
        count_card_moves=count_card_report.movements(s, w.between(
            CountCardEntry.id, w.previous.count_card_entry, w.current.count_card_entry)),
        count_cards_outstanding=cards_left.uses,
        count_cards_deferred=cards_left.deferred,
        loyalty=loyalty_moves(
            s, w.between(PointsEntry.id, w.previous.points_entry, w.current.points_entry),
            w.between(TierChange.id, w.previous.tier_change, w.current.tier_change)),
        store=store_label(s, w.store_id),
    )


def in_shop_time(rep: DayReport, offset: timedelta) -> DayReport:
    """``rep`` with every time as the shop's naive wall-clock time.

    Uses the offset recorded in the report when there is one, else ``offset`` (the
    shop's current setting). Times already local are left alone."""
    if rep.utc_offset_minutes is not None:
        offset = timedelta(minutes=rep.utc_offset_minutes)

    def local(at: datetime) -> datetime:
        return shop_time(at, offset)

    return replace(
        rep,
        since=local(rep.since) if rep.since is not None else None,
        until=local(rep.until),
        refunds=tuple(replace(r, at=local(r.at)) for r in rep.refunds),
        shifts=tuple(
            replace(sh, opened_at=local(sh.opened_at),
                    closed_at=local(sh.closed_at) if sh.closed_at is not None else None)
            for sh in rep.shifts
        ),
        utc_offset_minutes=int(offset / timedelta(minutes=1)),
    )
