"""Prepaid position (储值负债) for a day: money received once, revenue once.

A recharge is money received and a liability; spending stored value later is
revenue but not money received. Counting both as takings is the classic double
count; this report keeps them apart and states the outstanding liability.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Member, Recharge, Refund, RefundTender, Sale, Tender
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.pricing.tenders import EXTERNAL_KINDS
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require


@dataclass(frozen=True)
class PrepaidPosition:
    day: date
    sales_revenue: Money  # goods and services sold, net of refunds, however paid
    money_received: Money  # cash/card/WeChat/Alipay/other in, net of money refunded
    recharged_principal: Money  # prepaid sold (a liability, not revenue), net of refunds
    stored_value_spent: Money  # revenue paid from stored value, net of refunds to it
    outstanding_principal: Money  # liability now: what members have paid in and not used
    outstanding_bonus: Money  # bonus balance members may still spend
    outstanding_points: int


def _fen(v: object) -> int:
    return v.fen if isinstance(v, Money) else int(v) if isinstance(v, int) else 0


def _sum(s: Session, stmt: Select[Money]) -> int:
    return _fen(s.scalar(stmt))


def prepaid_position(db: Database, actor: Actor, day: date) -> PrepaidPosition:
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_REPORTS)
        external = list(EXTERNAL_KINDS)
        sold = _sum(s, select(func.sum(Sale.payable)).where(Sale.business_date == day))
        refunded_sales = _sum(s, select(func.sum(Refund.amount)).where(
            Refund.business_date == day, Refund.sale_id.is_not(None)))
        sales_ext = _sum(s, select(func.sum(Tender.amount)).join(Sale).where(
            Sale.business_date == day, Tender.kind.in_(external)))
        recharged = _sum(s, select(func.sum(Recharge.amount)).where(Recharge.business_date == day))
        refunds_ext = _sum(s, select(func.sum(RefundTender.amount)).join(Refund).where(
            Refund.business_date == day, RefundTender.kind.in_(external)))
        recharge_refunds = _sum(s, select(func.sum(RefundTender.amount)).join(Refund).where(
            Refund.business_date == day, Refund.recharge_id.is_not(None)))
        sv_spent = _sum(s, select(func.sum(Tender.amount)).join(Sale).where(
            Sale.business_date == day, Tender.kind == TenderKind.STORED_VALUE))
        sv_back = _sum(s, select(func.sum(RefundTender.amount)).join(Refund).where(
            Refund.business_date == day, Refund.sale_id.is_not(None),
            RefundTender.kind == TenderKind.STORED_VALUE))
        principal, bonus, points = s.execute(select(
            func.coalesce(func.sum(Member.sv_principal), 0),
            func.coalesce(func.sum(Member.sv_bonus), 0),
            func.coalesce(func.sum(Member.points_balance), 0))).one()
        return PrepaidPosition(
            day, Money(sold - refunded_sales), Money(sales_ext + recharged - refunds_ext),
            Money(recharged - recharge_refunds), Money(sv_spent - sv_back),
            Money(_fen(principal)), Money(_fen(bonus)), int(points or 0),
        )
