"""A member's page in the back office (会员详情): what the shop knows about one member
and the manager's corrections.

Reading: the profile and cards (:func:`.members.member_detail_in`), the tier with
its lock and its history (the ``member.tier`` rows of the audit log: every manual
change is one), the coupons, and pages of the stored-value ledger, the points
ledger and the purchases with their items, newest first, each page cut by id
(keyset on the ``(member_id, id)`` indexes).

Correcting: stored value or points are adjusted by a new ``adjustment`` ledger entry
(never an edit), with a reason; the tier is changed by hand, optionally locked until
a day (the automatic evaluation leaves it alone until then). Each needs a manager or
owner (``adjust_balance``, ``manage_promotions``), is audited with the reason, and
is one transaction. Anonymised members cannot be corrected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.line_names import line_name
from memberdesk.models import (
    AuditEntry,
    Coupon,
    CouponTemplate,
    Member,
    PointsEntry,
    Sale,
    SaleLine,
    Staff,
    StoredValueEntry,
    Tier,
)
from memberdesk.models.enums import (
    CouponStatus,
    MemberStatus,
    PointsKind,
    SaleStatus,
    StoredValueKind,
)
from memberdesk.money import Money
from memberdesk.services.members.details import MemberDetail, member_detail_in
from memberdesk.services.members.rows import member_by_no
from memberdesk.services.shared import audit, clock, ledger
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.requests import clean_text

LEDGER_PAGE = 50
PURCHASE_PAGE = 20
MAX_ADJUST = Money(5_000_000)  # 50,000 yuan: beyond it a typing slip is likelier
MAX_ADJUST_POINTS = 1_000_000


@dataclass(frozen=True)
class TierChange:
    at: datetime
    from_name: str
    to_name: str
    locked_until: date | None
    reason: str
    staff: str


@dataclass(frozen=True)
class MemberCoupon:
    code: str
    name: str
    status: CouponStatus
    valid_from: datetime
    valid_to: datetime


@dataclass(frozen=True)
class MemberFile:
    """Everything the member's page shows at once (the ledgers come in pages)."""

    detail: MemberDetail
    tier_code: str
    tier_locked_until: date | None
    has_payment_password: bool
    tier_history: tuple[TierChange, ...]  # newest first
    coupons: tuple[MemberCoupon, ...]  # newest first


@dataclass(frozen=True)
class StoredValueLine:
    id: int
    at: datetime
    kind: str
    principal_delta: Money
    bonus_delta: Money
    balance_after: Money
    note: str
    staff: str


@dataclass(frozen=True)
class PointsLine:
    id: int
    at: datetime
    kind: str
    delta: int
    balance_after: int
    note: str
    staff: str


@dataclass(frozen=True)
class PurchaseLine:
    description: str
    qty: int
    unit_price: Money
    net_amount: Money
    refunded_qty: int


@dataclass(frozen=True)
class Purchase:
    id: int
    sale_no: str
    at: datetime
    status: SaleStatus
    payable: Money
    points_earned: int
    lines: tuple[PurchaseLine, ...]


@dataclass(frozen=True)
class LinesPage:
    """A page of a ledger or of the purchases, newest first; ``before`` asks for the
    next (older) page, None when this was the oldest."""

    lines: tuple[Any, ...]
    before: int | None


@dataclass(frozen=True)
class Adjusted:
    member_no: str
    stored_value: Money
    points: int


# -- reading --------------------------------------------------------------------------------


def _staff_names(s: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {int(i): str(n) for i, n in s.execute(
        select(Staff.id, Staff.display_name).where(Staff.id.in_(ids)))}


def _tier_history(s: Session, member_no: str) -> tuple[TierChange, ...]:
    rows = list(s.scalars(select(AuditEntry).where(
        AuditEntry.action == "member.tier", AuditEntry.entity == "member",
        AuditEntry.entity_id == member_no).order_by(AuditEntry.id.desc()).limit(50)))
    tiers = {int(i): str(n) for i, n in s.execute(select(Tier.id, Tier.name))}
    staff = _staff_names(s, {r.staff_id for r in rows if r.staff_id is not None})
    out = []
    for r in rows:
        d: dict[str, Any] = json.loads(r.detail or "{}")
        lock = d.get("locked_until")
        out.append(TierChange(
            r.at, str(d.get("from_name") or tiers.get(d.get("from", -1), "")),
            str(d.get("to_name") or tiers.get(d.get("to", -1), "")),
            date.fromisoformat(lock) if lock else None, str(d.get("reason", "")),
            staff.get(r.staff_id, "") if r.staff_id is not None else ""))
    return tuple(out)


def member_file(db: Database, actor: Actor, member_no: str) -> MemberFile:
    """The member's page (any active staff member may read a member; phones masked per
    role)."""
    with db.reader() as uow:
        s = uow.session
        detail = member_detail_in(s, actor, member_no)
        member = member_by_no(s, member_no)
        tier = s.get(Tier, member.tier_id)
        coupons = tuple(
            MemberCoupon(c.code, t.name, c.status, c.valid_from, c.valid_to)
            for c, t in s.execute(select(Coupon, CouponTemplate).join(CouponTemplate)
                                  .where(Coupon.member_id == member.id)
                                  .order_by(Coupon.id.desc()).limit(200)))
        return MemberFile(detail, tier.code if tier else "", member.tier_locked_until,
                          member.payment_password_hash is not None,
                          _tier_history(s, member.member_no), coupons)


def stored_value_lines(db: Database, actor: Actor, member_id: int, *,
                       before: int | None = None, limit: int = LEDGER_PAGE) -> LinesPage:
    """The member's stored-value entries, newest first, older than entry ``before``."""
    limit = max(1, min(limit, 500))
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        q = select(StoredValueEntry).where(StoredValueEntry.member_id == member_id)
        if before is not None:
            q = q.where(StoredValueEntry.id < before)
        rows = list(s.scalars(q.order_by(StoredValueEntry.id.desc()).limit(limit + 1)))
        staff = _staff_names(s, {r.staff_id for r in rows if r.staff_id is not None})
        lines = tuple(StoredValueLine(
            r.id, r.created_at, r.kind.value, r.principal_delta, r.bonus_delta,
            r.principal_after + r.bonus_after, r.note,
            staff.get(r.staff_id, "") if r.staff_id is not None else "") for r in rows[:limit])
        return LinesPage(lines, lines[-1].id if len(rows) > limit else None)


def points_lines(db: Database, actor: Actor, member_id: int, *,
                 before: int | None = None, limit: int = LEDGER_PAGE) -> LinesPage:
    """The member's points entries, newest first, older than entry ``before``."""
    limit = max(1, min(limit, 500))
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        q = select(PointsEntry).where(PointsEntry.member_id == member_id)
        if before is not None:
            q = q.where(PointsEntry.id < before)
        rows = list(s.scalars(q.order_by(PointsEntry.id.desc()).limit(limit + 1)))
        staff = _staff_names(s, {r.staff_id for r in rows if r.staff_id is not None})
        lines = tuple(PointsLine(
            r.id, r.created_at, r.kind.value, r.delta, r.balance_after, r.note,
            staff.get(r.staff_id, "") if r.staff_id is not None else "") for r in rows[:limit])
        return LinesPage(lines, lines[-1].id if len(rows) > limit else None)


def purchases(db: Database, actor: Actor, member_id: int, *, before: int | None = None,
              limit: int = PURCHASE_PAGE) -> LinesPage:
    """The member's sales with their items, newest first, older than sale ``before``."""
    limit = max(1, min(limit, 200))
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        q = select(Sale).where(Sale.member_id == member_id)
        if before is not None:
            q = q.where(Sale.id < before)
        sales = list(s.scalars(q.order_by(Sale.id.desc()).limit(limit + 1)))
        shown = sales[:limit]
        items: dict[int, list[PurchaseLine]] = {sale.id: [] for sale in shown}
        if shown:
            for ln in s.scalars(select(SaleLine).where(SaleLine.sale_id.in_(list(items)))
                                .order_by(SaleLine.sale_id, SaleLine.line_no)):
                items[ln.sale_id].append(PurchaseLine(
                    line_name(ln.product_id, ln.description), ln.qty, ln.unit_price,
                    ln.net_amount, ln.refunded_qty))
        lines = tuple(Purchase(sale.id, sale.sale_no, sale.created_at, sale.status,
                               sale.payable, sale.points_earned, tuple(items[sale.id]))
                      for sale in shown)
        return LinesPage(lines, shown[-1].id if len(sales) > limit else None)


# -- corrections -------------------------------------------------------------------------------


def correction_reason(reason: str) -> str:
    text = clean_text(reason, 200)
    if not text:
        raise ValidationError("reason_required")
    return text


def correctable_member(s: Session, member_no: str) -> Member:
    member = member_by_no(s, member_no)
    if member.status is MemberStatus.ANONYMISED:
        raise ConflictError("member_anonymised", member_no=member.member_no)
    return member


def adjust_stored_value(db: Database, actor: Actor, member_no: str, amount: Money, *,
                        bonus: bool, reason: str) -> Adjusted:
    """Add (``amount`` > 0) or take away stored value as one ``adjustment`` entry, on
    the principal (本金: money the customer paid) or, with ``bonus``, the bonus (赠送).
    Taking away more than that part holds is refused (the ledger's guard)."""
    reason = correction_reason(reason)
    if not amount:
        raise ValidationError("adjust_nothing")
    if abs(amount.fen) > MAX_ADJUST.fen:
        raise ValidationError("adjust_amount_too_large", max=MAX_ADJUST.display())
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.ADJUST_BALANCE)
        member = correctable_member(s, member_no)
        zero = Money(0)
        posting = ledger.post_stored_value(
            s, member.id, StoredValueKind.ADJUSTMENT,
            zero if bonus else amount, amount if bonus else zero,
            ledger.Refs(staff_id=actor.staff_id, note=reason))
        audit.record(s, action="member.adjust_stored_value", staff_id=actor.staff_id,
                     entity="member", entity_id=member.member_no,
                     detail={"amount": amount.fen, "part": "bonus" if bonus else "principal",
                             "entry": posting.id, "reason": reason})
        result = Adjusted(member.member_no, posting.principal_after + posting.bonus_after,
                          member.points_balance)
        uow.commit()
    return result


def adjust_points(db: Database, actor: Actor, member_no: str, points: int, *,
                  reason: str) -> Adjusted:
    """Give (``points`` > 0: a new lot, expiring like earned points) or take away points
    (from the soonest-expiring usable lots) as one ``adjustment`` entry."""
    reason = correction_reason(reason)
    if not points:
        raise ValidationError("adjust_nothing")
    if abs(points) > MAX_ADJUST_POINTS:
        raise ValidationError("adjust_points_too_many", max=MAX_ADJUST_POINTS)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.ADJUST_BALANCE)
        member = correctable_member(s, member_no)
        refs = ledger.Refs(staff_id=actor.staff_id, note=reason)
        today = clock.today(s)
        if points > 0:
            posting = ledger.credit_points(
                s, member.id, PointsKind.ADJUSTMENT, points,
                Policy.load(s).points_expire_on(today), refs)
        else:
            posting, _lots = ledger.debit_points(s, member.id, PointsKind.ADJUSTMENT, -points,
                                                 today, refs)
        audit.record(s, action="member.adjust_points", staff_id=actor.staff_id,
                     entity="member", entity_id=member.member_no,
                     detail={"points": points, "entry": posting.id, "reason": reason})
        result = Adjusted(member.member_no, member.sv_principal + member.sv_bonus,
                          posting.balance_after)
        uow.commit()
    return result


