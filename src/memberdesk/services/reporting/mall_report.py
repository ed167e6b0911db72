"""The redemption report (积分兑换报表): the gifts redeemed in a period (by business
date), reversals, points spent on gifts, and a line per gift."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import MallRedemption, Member, Product, Staff
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table, static_rows
from memberdesk.services.shared import clock
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require

from .common import DateRange, check_range, dated_between, time_text
from .words import ZH_CN, normalise, picker

I = ColumnKind.INT  # noqa: E741


@dataclass(frozen=True)
class RedemptionLine:
    at: datetime  # shop-local
    number: str
    member_no: str
    member_name: str
    code: str
    gift: str
    qty: int
    points: int
    staff: str
    reversed: bool
    reason: str


@dataclass(frozen=True)
class GiftTotal:
    code: str
    gift: str
    qty: int  # net of reversals
    points: int  # net of reversals


@dataclass(frozen=True)
class MallReport:
    period: DateRange
    generated_at: datetime  # shop-local
    lines: tuple[RedemptionLine, ...]  # oldest first
    gifts: tuple[GiftTotal, ...]  # by points, most first

    @property
    def redeemed(self) -> int:
        return len(self.lines)

    @property
    def reversed(self) -> int:
        return sum(1 for ln in self.lines if ln.reversed)

    @property
    def points(self) -> int:
        """Points spent on gifts, net of reversals."""
        return sum(ln.points for ln in self.lines if not ln.reversed)

    @property
    def qty(self) -> int:
        return sum(ln.qty for ln in self.lines if not ln.reversed)


def mall_report(db: Database, actor: Actor, start: date | None = None,
                end: date | None = None) -> MallReport:
    rng = check_range(start, end)
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_REPORTS)
        local = local_clock(s)
        R = MallRedemption
        rows = s.execute(
            select(R.created_at, R.redemption_no, Member.member_no, Member.name, Product.code,
                   Product.name, R.qty, R.points, func.coalesce(Staff.display_name, ""),
                   R.reversed_at, R.reversal_reason)
            .join(Member, Member.id == R.member_id).join(Product, Product.id == R.product_id)
            .outerjoin(Staff, Staff.id == R.staff_id)
            .where(dated_between(R.business_date, rng)).order_by(R.id)).all()
        lines = tuple(RedemptionLine(local(at), no, mno, mname or "", code, name, int(q), int(p),
                                     staff, rev is not None, reason or "")
                      for at, no, mno, mname, code, name, q, p, staff, rev, reason in rows)
        totals: dict[str, GiftTotal] = {}
        for ln in lines:
            if ln.reversed:
                continue
            t = totals.get(ln.code, GiftTotal(ln.code, ln.gift, 0, 0))
            totals[ln.code] = GiftTotal(ln.code, ln.gift, t.qty + ln.qty, t.points + ln.points)
        gifts = tuple(sorted(totals.values(), key=lambda g: (-g.points, g.code)))
        return MallReport(rng, local(clock.now()), lines, gifts)


def mall_document(rep: MallReport, shop_name: str, generated_at: datetime,
                  lang: str = ZH_CN) -> Document:
    t = picker(lang)
    summary: list[tuple[str, CellValue]] = [
        (t("兑换笔数", "Redemptions"), rep.redeemed),
        (t("其中已撤销", "Of them reversed"), rep.reversed),
        (t("兑出礼品件数", "Gifts handed over"), rep.qty),
        (t("兑换用积分", "Points spent on gifts"), rep.points),
    ]
    state = {True: t("已撤销", "Reversed"), False: ""}
    tables = (
        Table(t("按礼品", "By gift"),
              (Column(t("编码", "Code"), width=12), Column(t("礼品", "Gift"), width=26),
               Column(t("件数", "Qty"), I), Column(t("积分", "Points"), I)),
              static_rows([(g.code, g.gift, g.qty, g.points) for g in rep.gifts])),
        Table(t("兑换明细", "Redemptions"),
              (Column(t("时间", "Time"), ColumnKind.DATETIME), Column(t("兑换单号", "No.")),
               Column(t("会员号", "Member No.")), Column(t("姓名", "Name"), width=10),
               Column(t("礼品", "Gift"), width=22), Column(t("件数", "Qty"), I),
               Column(t("积分", "Points"), I), Column(t("收银员", "Cashier"), width=10),
               Column(t("状态", "State"), width=8), Column(t("撤销原因", "Reason"), width=16)),
              static_rows([(ln.at, ln.number, ln.member_no, ln.member_name, ln.gift, ln.qty,
                            ln.points, ln.staff, state[ln.reversed], ln.reason)
                           for ln in rep.lines])),
    )
    note = t("按兑换的营业日统计；件数与积分不含已撤销的兑换。",
             "By the business date of each redemption; quantities and points leave out the "
             "reversed ones.")
    period = rep.period.text(normalise(lang))
    period += t(f"（截至 {time_text(rep.generated_at)}）", f" (up to {time_text(rep.generated_at)})")
    return Document(t("积分兑换报表", "Points redemption report"), shop_name, period,
                    generated_at, tuple(summary), tables, note, normalise(lang))
