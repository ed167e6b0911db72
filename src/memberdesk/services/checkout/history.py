"""Recent sales (a member's or the shop's) and one sale's refundable lines, for the
refund screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.domain.line_names import line_name
from memberdesk.models import Member, Sale, SaleLine, Staff
from memberdesk.models.enums import SaleStatus
from memberdesk.money import Money
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError
from memberdesk.services.shared.permissions import Permission, require


@dataclass(frozen=True)
class SaleSummary:
    sale_no: str
    business_date: date
    created_at: datetime
    payable: Money
    status: SaleStatus
    cashier: str
    lines: int
    member_name: str | None = None  # None: a walk-in sale (no member)


@dataclass(frozen=True)
class RefundableLine:
    line_no: int
    description: str
    qty: int
    refunded_qty: int
    unit_price: Money
    net_amount: Money

    @property
    def refundable_qty(self) -> int:
        return self.qty - self.refunded_qty


@dataclass(frozen=True)
class SaleForRefund:
    sale_no: str
    member_no: str | None
    member_name: str | None
    created_at: datetime
    payable: Money
    status: SaleStatus
    lines: tuple[RefundableLine, ...]


def recent_sales(
    db: Database, actor: Actor, member_id: int | None = None, *, limit: int = 20
) -> list[SaleSummary]:
    """The most recent sales, newest first: the member's, or (``member_id`` None)
    the shop's, for the refund screen (any cashier may see them), with the member's
    name as the counter shows it (the recharges' list does the same)."""
    limit = max(1, min(limit, 200))
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        n_lines = (
            select(func.count()).where(SaleLine.sale_id == Sale.id).scalar_subquery()
        )
        query = (select(Sale, Staff.display_name, n_lines, Member.name)
                 .join(Staff, Staff.id == Sale.staff_id)
                 .outerjoin(Member, Member.id == Sale.member_id))
        if member_id is not None:
            query = query.where(Sale.member_id == member_id)
        rows = s.execute(query.order_by(Sale.id.desc()).limit(limit)).all()
        return [
            SaleSummary(sale.sale_no, sale.business_date, sale.created_at, sale.payable,
                        sale.status, cashier, int(n), name)
            for sale, cashier, n, name in rows
        ]


def member_sales(db: Database, actor: Actor, member_id: int, *, limit: int = 20) -> list[SaleSummary]:
    """The member's most recent sales, newest first (any cashier may see them)."""
    return recent_sales(db, actor, member_id, limit=limit)


def sale_for_refund(db: Database, actor: Actor, sale_no: str) -> SaleForRefund:
    """A sale with its lines in line-number order and what is already refunded."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        sale = s.scalar(select(Sale).where(Sale.sale_no == sale_no.strip()))
        if sale is None:
            raise NotFoundError("sale_not_found", key=sale_no.strip())
        member = s.get(Member, sale.member_id) if sale.member_id else None
        lines = tuple(
            RefundableLine(ln.line_no, line_name(ln.product_id, ln.description), ln.qty,
                           ln.refunded_qty, ln.unit_price,
                           ln.net_amount)
            for ln in s.scalars(
                select(SaleLine).where(SaleLine.sale_id == sale.id).order_by(SaleLine.line_no))
        )
        return SaleForRefund(sale.sale_no, member.member_no if member else None,
                             member.name if member else None, sale.created_at, sale.payable,
                             sale.status, lines)


def business_today(db: Database) -> date:
    """The shop's business date now (its local date)."""
    with db.reader() as uow:
        return clock.today(uow.session)
