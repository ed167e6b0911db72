"""The coupon report (优惠券报表): per coupon template, what happened to its coupons
in a range of local dates, how many are still usable now, and the discount given.

Counts come from the coupon event log (issued, used, restored on refund, expired,
voided); the discount is the sales' coupon discounts (business dates in the range).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import Coupon, CouponEvent, CouponTemplate, Sale, SaleDiscount
from memberdesk.models.enums import CouponEventKind, CouponStatus, DiscountKind
from memberdesk.money import Money
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table, static_rows
from memberdesk.services.shared import clock
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require

from .common import DateRange, as_money, check_range, created_between, dated_between
from .words import ZH_CN, normalise, picker

I = ColumnKind.INT  # noqa: E741


@dataclass(frozen=True)
class CouponTemplateRow:
    code: str  # "" for discounts whose coupon is unknown
    name: str
    issued: int
    used: int
    restored: int
    expired: int
    voided: int
    outstanding: int  # issued, unused and still valid now
    discount: Money  # coupon discounts on sales in the range


@dataclass(frozen=True)
class CouponReport:
    period: DateRange
    generated_at: datetime  # local time
    rows: tuple[CouponTemplateRow, ...]

    def total(self, field: str) -> int:
        return sum(int(getattr(r, field)) for r in self.rows)

    @property
    def discount(self) -> Money:
        return Money(sum(r.discount.fen for r in self.rows))

    @property
    def empty(self) -> bool:
        """Nothing happened in the range (coupons may still be usable now)."""
        return not any(r.issued or r.used or r.restored or r.expired or r.voided or r.discount
                       for r in self.rows)


def coupon_report(db: Database, actor: Actor, start: date | None = None,
                  end: date | None = None) -> CouponReport:
    period = check_range(start, end)
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_REPORTS)
        now = clock.now()
        counts: dict[int, dict[CouponEventKind, int]] = {}
        for tid, kind, n in s.execute(
            select(Coupon.template_id, CouponEvent.kind, func.count())
            .join(Coupon, Coupon.id == CouponEvent.coupon_id)
            .where(created_between(s, CouponEvent.created_at, period))
            .group_by(Coupon.template_id, CouponEvent.kind)
        ):
            counts.setdefault(tid, {})[kind] = int(n)
        outstanding: dict[int, int] = {
            tid: int(n) for tid, n in s.execute(
                select(Coupon.template_id, func.count())
                .where(Coupon.status == CouponStatus.ISSUED, Coupon.valid_to > now)
                .group_by(Coupon.template_id))
        }
        discounts: dict[int | None, Money] = {
            tid: as_money(amount) for tid, amount in s.execute(
                select(Coupon.template_id, func.sum(SaleDiscount.amount))
                .join(Sale, Sale.id == SaleDiscount.sale_id)
                .outerjoin(Coupon, Coupon.id == SaleDiscount.coupon_id)
                .where(SaleDiscount.kind == DiscountKind.COUPON,
                       dated_between(Sale.business_date, period))
                .group_by(Coupon.template_id))
        }
        wanted = set(counts) | set(outstanding) | {t for t in discounts if t is not None}
        rows = []
        for t in s.scalars(select(CouponTemplate).where(CouponTemplate.id.in_(wanted))
                           .order_by(CouponTemplate.code)):
            c = counts.get(t.id, {})
            rows.append(CouponTemplateRow(
                t.code, t.name, issued=c.get(CouponEventKind.ISSUE, 0),
                used=c.get(CouponEventKind.USE, 0), restored=c.get(CouponEventKind.RESTORE, 0),
                expired=c.get(CouponEventKind.EXPIRE, 0), voided=c.get(CouponEventKind.VOID, 0),
                outstanding=outstanding.get(t.id, 0), discount=discounts.get(t.id, Money(0))))
        if discounts.get(None):
            rows.append(CouponTemplateRow("", "（未关联券）", 0, 0, 0, 0, 0, 0, discounts[None]))
        return CouponReport(period, local_clock(s)(now), tuple(rows))


def coupon_document(rep: CouponReport, shop_name: str, generated_at: datetime,
                    lang: str = ZH_CN) -> Document:
    t = picker(lang)
    fields = ("issued", "used", "restored", "expired", "voided", "outstanding")
    summary: list[tuple[str, CellValue]] = [
        (t("发放张数", "Issued"), rep.total("issued")),
        (t("使用张数", "Used"), rep.total("used")),
        (t("退款恢复张数", "Restored on refunds"), rep.total("restored")),
        (t("过期张数", "Expired"), rep.total("expired")),
        (t("作废张数", "Voided"), rep.total("voided")),
        (t("当前可用张数", "Usable now"), rep.total("outstanding")),
        (t("优惠券抵扣金额", "Coupon discounts"), rep.discount),
    ]
    table = Table(
        t("按券模板", "By coupon"),
        (Column(t("编码", "Code"), width=10), Column(t("名称", "Name"), width=18),
         Column(t("发放", "Issued"), I), Column(t("使用", "Used"), I),
         Column(t("退款恢复", "Restored"), I), Column(t("过期", "Expired"), I),
         Column(t("作废", "Voided"), I), Column(t("当前可用", "Usable now"), I),
         Column(t("抵扣金额", "Discounts"), ColumnKind.MONEY)),
        static_rows([(r.code, r.name, r.issued, r.used, r.restored, r.expired, r.voided,
                      r.outstanding, r.discount) for r in rep.rows]),
        totals=(t("合计", "Total"), "", *(rep.total(f) for f in fields), rep.discount)
        if rep.rows else None,
    )
    note = t("张数按优惠券事件的发生时间统计；抵扣金额按销售的营业日统计；"
             "当前可用为未使用、未作废且未过有效期的券。",
             "Coupons are counted when their events happened; discounts by the sales' business "
             "day; usable now means not used, not voided and not past its end date.")
    if rep.empty:
        note = t("（无数据）该期间没有优惠券发放、使用或抵扣。",
                 "(no data) No coupons issued, used or discounted in the period. ") + note
    return Document(t("优惠券报表", "Coupon report"), shop_name, rep.period.text(lang),
                    generated_at, tuple(summary), (table,), note, normalise(lang))
