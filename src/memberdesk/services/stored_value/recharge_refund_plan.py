"""What a recharge refund (储值退款) gives back, before and while it is made: the
refund dialog lists the recent recharges and shows this plan before Enter, and
:func:`.recharge.refund_recharge` applies the same plan (one home for the rule).

The principal paid comes back, as much of it as the member still has; the bonus
balance still there is forfeited; the bonus points are taken back, and those the
member has already spent are owed at the redemption rate: refused without "deduct",
with it their value comes off the money (never more than the principal); the
recharge's unused bonus coupons are voided.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Coupon, CouponEvent, Member, Recharge
from memberdesk.models.enums import CouponEventKind, CouponStatus, RechargeStatus, TenderKind
from memberdesk.money import Money
from memberdesk.services.members.rows import active_member
from memberdesk.services.refund_core.steps import points_value, spent_shortfall
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require


@dataclass(frozen=True)
class RechargeSummary:
    """A recharge as the refund dialog lists it."""

    recharge_no: str
    member_no: str
    member_name: str
    amount: Money  # principal paid
    bonus: Money
    created_at: datetime
    refunded: bool


@dataclass(frozen=True)
class RechargeRefundPlan:
    recharge_no: str
    tender: TenderKind  # how the principal was paid, and goes back
    principal: Money  # the principal that comes back (what the member still has of it)
    forfeit: Money  # bonus balance forfeited
    bonus_points: int  # the recharge's bonus points, taken back
    points_spent: int  # of them, already spent by the member
    spent_value: Money  # what those are worth
    deducted: Money  # taken off the principal ("deduct" ticked)
    coupons_voided: int  # unused bonus coupons voided
    deduct: bool

    @property
    def paid_back(self) -> Money:
        return self.principal - self.deducted

    @property
    def refused_for_spent_points(self) -> bool:
        """Without "deduct", the refund refuses bonus points already spent."""
        return self.points_spent > 0 and not self.deduct


def recharge_deduction(owed: Money, principal: Money) -> Money:
    """What the value of spent bonus points takes off the money: at most all of it."""
    return min(owed, principal)


def recharge_coupons(s: Session, recharge_id: int) -> list[int]:
    """The coupons the recharge gave (ids, in the order given)."""
    return list(s.scalars(select(CouponEvent.coupon_id).where(
        CouponEvent.recharge_id == recharge_id, CouponEvent.kind == CouponEventKind.ISSUE)
        .order_by(CouponEvent.id)))


def plan_recharge_refund(s: Session, r: Recharge, member: Member,
                         deduct: bool) -> RechargeRefundPlan:
    """The plan for refunding ``r`` now (``member``: its member, locked by the refund);
    raises the refund's own errors for a recharge that cannot be refunded."""
    if r.status is not RechargeStatus.COMPLETED:
        raise ValidationError("recharge_already_refunded", recharge_no=r.recharge_no)
    principal = min(r.amount, member.sv_principal)
    if not principal:
        raise ValidationError("recharge_nothing_to_refund", recharge_no=r.recharge_no)
    forfeit = min(r.bonus, member.sv_bonus)
    spent = spent_shortfall(r.bonus_points, member.points_balance)
    owed = points_value(spent, s)
    deducted = recharge_deduction(owed, principal) if deduct and spent else Money(0)
    ids = recharge_coupons(s, r.id)
    unused = len(list(s.scalars(select(Coupon.id).where(
        Coupon.id.in_(ids), Coupon.status == CouponStatus.ISSUED)))) if ids else 0
    return RechargeRefundPlan(r.recharge_no, r.tender_kind, principal, forfeit, r.bonus_points,
                              spent, owed, deducted, unused, deduct)


def preview_recharge_refund(db: Database, actor: Actor, recharge_no: str,
                            deduct_spent_points: bool = False) -> RechargeRefundPlan:
    """What :func:`.recharge.refund_recharge` would give back; writes nothing. Any
    cashier may look (the refund itself needs the permission)."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        r = s.scalar(select(Recharge).where(Recharge.recharge_no == str(recharge_no).strip()))
        if r is None:
            raise NotFoundError("recharge_not_found", key=recharge_no)
        return plan_recharge_refund(s, r, active_member(s, r.member_id), deduct_spent_points)


def recent_recharges(db: Database, actor: Actor, member_id: int | None = None, *,
                     limit: int = 10) -> list[RechargeSummary]:
    """The most recent recharges, newest first: the member's, or (``member_id`` None)
    the shop's, for the refund dialog (any cashier may see them)."""
    limit = max(1, min(limit, 200))
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        query = select(Recharge, Member.member_no, Member.name).join(
            Member, Member.id == Recharge.member_id)
        if member_id is not None:
            query = query.where(Recharge.member_id == member_id)
        rows = s.execute(query.order_by(Recharge.id.desc()).limit(limit)).all()
        return [RechargeSummary(r.recharge_no, no, name, r.amount, r.bonus, r.created_at,
                                r.status is not RechargeStatus.COMPLETED)
                for r, no, name in rows]
