"""The count-card report (计次卡报表): per template, the cards sold in a period and what
they took, the uses used, reversed, refunded and expired in the period, and what is
outstanding now (uses left on active cards and their deferred value, 递延收入: what was
paid for them pro rata, :func:`memberdesk.domain.count_cards.unused_value`). The day
close shows the period's movements and the outstanding liability from the same reads
(:func:`movements`, :func:`outstanding`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.count_cards import unused_value
from memberdesk.models import CountCardBalance, CountCardEntry, MemberCountCard, ServicePackage
from memberdesk.models.enums import CountCardStatus, CountUseKind
from memberdesk.money import Money
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table, static_rows
from memberdesk.services.shared import clock
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require

from .common import DateRange, as_money, check_range, created_between, time_text
from .words import ZH_CN, normalise, picker

I, M = ColumnKind.INT, ColumnKind.MONEY  # noqa: E741

KIND_WORDS: dict[CountUseKind, tuple[str, str]] = {
    CountUseKind.PURCHASE: ("售出次数", "Uses sold"),
    CountUseKind.OPENING: ("期初导入", "Opening"),
    CountUseKind.USE: ("使用", "Used"),
    CountUseKind.USE_RETURN: ("撤销使用", "Use reversed"),
    CountUseKind.REFUND: ("退卡", "Refunded"),
    CountUseKind.EXPIRE: ("过期", "Expired"),
    CountUseKind.ADJUSTMENT: ("调整", "Adjustment"),
}


def kind_word(kind: CountUseKind, lang: str) -> str:
    return picker(lang)(*KIND_WORDS[kind])


@dataclass(frozen=True)
class Outstanding:
    cards: int
    uses: int
    deferred: Money


def movements(s: Session, when: ColumnElement[bool]) -> tuple[tuple[CountUseKind, int], ...]:
    """Uses moved by kind (signed) in the entries ``when`` selects."""
    got = {CountUseKind(k): int(d or 0) for k, d in s.execute(
        select(CountCardEntry.kind, func.sum(CountCardEntry.delta))
        .where(when).group_by(CountCardEntry.kind))}
    return tuple((k, got[k]) for k in CountUseKind if k in got)


def _outstanding_rows(s: Session) -> list[tuple[int, Money, int, int]]:
    """(template, price paid, uses left, uses bought) of each active card with uses left."""
    return [(int(p), paid, int(rem), int(tot))
            for p, paid, rem, tot in s.execute(
                select(MemberCountCard.package_id, MemberCountCard.price_paid,
                       func.sum(CountCardBalance.uses_remaining),
                       func.sum(CountCardBalance.uses_total))
                .join(CountCardBalance, CountCardBalance.count_card_id == MemberCountCard.id)
                .where(MemberCountCard.status == CountCardStatus.ACTIVE)
                .group_by(MemberCountCard.id)
                .having(func.sum(CountCardBalance.uses_remaining) > 0))]


def outstanding(s: Session) -> Outstanding:
    """Uses left on active cards now, and their deferred value."""
    rows = _outstanding_rows(s)
    return Outstanding(len(rows), sum(r for _, _, r, _ in rows),
                       Money(sum(unused_value(paid.fen, rem, tot) for _, paid, rem, tot in rows)))


@dataclass(frozen=True)
class TemplateLine:
    code: str
    name: str
    sold: int  # cards sold in the period
    sold_value: Money  # what they were paid
    used: int  # uses used in the period, less reversals
    refunded: int
    expired: int
    outstanding: int  # uses left now on active cards
    deferred: Money


@dataclass(frozen=True)
class CountCardReport:
    period: DateRange
    generated_at: datetime  # shop-local
    lines: tuple[TemplateLine, ...]  # by code

    def total(self, name: str) -> int:
        return sum(getattr(ln, name) for ln in self.lines)

    def money(self, name: str) -> Money:
        return Money(sum(getattr(ln, name).fen for ln in self.lines))


def count_card_report(db: Database, actor: Actor, start: date | None = None,
                      end: date | None = None) -> CountCardReport:
    rng = check_range(start, end)
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_REPORTS)
        local = local_clock(s)
        sold = {int(p): (int(n), as_money(v).fen) for p, n, v in s.execute(
            select(MemberCountCard.package_id, func.count(), func.sum(MemberCountCard.price_paid))
            .where(created_between(s, MemberCountCard.created_at, rng))
            .group_by(MemberCountCard.package_id))}
        moved: dict[tuple[int, CountUseKind], int] = {
            (int(p), CountUseKind(k)): int(d or 0) for p, k, d in s.execute(
                select(MemberCountCard.package_id, CountCardEntry.kind, func.sum(CountCardEntry.delta))
                .join(CountCardBalance, CountCardBalance.id == CountCardEntry.balance_id)
                .join(MemberCountCard, MemberCountCard.id == CountCardBalance.count_card_id)
                .where(created_between(s, CountCardEntry.created_at, rng))
                .group_by(MemberCountCard.package_id, CountCardEntry.kind))}
        left: dict[int, tuple[int, int]] = {}
        for pid, paid, rem, tot in _outstanding_rows(s):
            uses, value = left.get(pid, (0, 0))
            left[pid] = (uses + rem, value + unused_value(paid.fen, rem, tot))
        lines = []
        for pkg in s.scalars(select(ServicePackage).order_by(ServicePackage.code)):
            n, v = sold.get(pkg.id, (0, 0))
            used = -(moved.get((pkg.id, CountUseKind.USE), 0)
                     + moved.get((pkg.id, CountUseKind.USE_RETURN), 0))
            uses, value = left.get(pkg.id, (0, 0))
            line = TemplateLine(pkg.code, pkg.name, n, Money(v), used,
                                -moved.get((pkg.id, CountUseKind.REFUND), 0),
                                -moved.get((pkg.id, CountUseKind.EXPIRE), 0), uses, Money(value))
            if any((line.sold, line.used, line.refunded, line.expired, line.outstanding)):
                lines.append(line)
        return CountCardReport(rng, local(clock.now()), tuple(lines))


def count_card_document(rep: CountCardReport, shop_name: str, generated_at: datetime,
                        lang: str = ZH_CN) -> Document:
    t = picker(lang)
    summary: list[tuple[str, CellValue]] = [
        (t("期内售出张数", "Cards sold in the period"), rep.total("sold")),
        (t("期内售卡金额", "Card sales in the period"), rep.money("sold_value")),
        (t("期内使用次数", "Uses in the period"), rep.total("used")),
        (t("期内退卡次数", "Uses refunded in the period"), rep.total("refunded")),
        (t("期内过期次数", "Uses expired in the period"), rep.total("expired")),
        (t("未使用次数（现在）", "Uses outstanding (now)"), rep.total("outstanding")),
        (t("递延收入（未使用部分）", "Deferred value of unused uses"), rep.money("deferred")),
    ]
    total = t("合计", "Total")
    table = Table(
        t("按计次卡", "By card"),
        (Column(t("编号", "Code"), width=12), Column(t("名称", "Name"), width=20),
         Column(t("售出张数", "Sold"), I), Column(t("售卡金额", "Sales"), M),
         Column(t("使用次数", "Used"), I), Column(t("退卡次数", "Refunded"), I),
         Column(t("过期次数", "Expired"), I), Column(t("未使用次数", "Outstanding"), I),
         Column(t("递延收入", "Deferred"), M)),
        static_rows([(ln.code, ln.name, ln.sold, ln.sold_value, ln.used, ln.refunded, ln.expired,
                      ln.outstanding, ln.deferred) for ln in rep.lines]),
        totals=(total, "", rep.total("sold"), rep.money("sold_value"), rep.total("used"),
                rep.total("refunded"), rep.total("expired"), rep.total("outstanding"),
                rep.money("deferred")) if rep.lines else None,
    )
    note = t("售出、使用、退卡与过期按所选期间统计；未使用次数与递延收入为生成时的数字（有效卡的剩余次数，"
             "按实付金额 × 剩余次数 ÷ 总次数计算），是门店对会员尚未履行的服务。",
             "Sold, used, refunded and expired are for the period chosen; outstanding uses and "
             "their deferred value are as of the time generated (uses left on active cards, "
             "valued at what was paid × uses left ÷ uses bought): services the shop still "
             "owes its members.")
    period = rep.period.text(normalise(lang))
    period += t(f"（截至 {time_text(rep.generated_at)}）", f" (up to {time_text(rep.generated_at)})")
    return Document(t("计次卡报表", "Count card report"), shop_name, period, generated_at,
                    tuple(summary), (table,), note, normalise(lang))
