"""Stored-value liability (储值负债): what the shop owes its members' cards.

As of now it is read from the members' cached balances; as of the end of a past
local date it is summed from the ledger (entries created before the next local
midnight). The two agree for today whenever the caches agree with the ledger,
which ``db check`` proves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import Member, StoredValueEntry
from memberdesk.money import Money
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table, static_rows
from memberdesk.services.members.details import may_unmask, phone_for
from memberdesk.services.shared import clock
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require

from .common import as_money, check_not_future, local_midnight_utc, time_text
from .words import ZH_CN, normalise, picker

M = ColumnKind.MONEY


@dataclass(frozen=True)
class LiabilityRow:
    member_no: str
    name: str
    phone: str
    principal: Money
    bonus: Money
    last_movement: datetime | None  # local time of the last stored-value entry

    @property
    def total(self) -> Money:
        return self.principal + self.bonus


@dataclass(frozen=True)
class LiabilityReport:
    as_of: date | None  # None: now, from the cached balances
    generated_at: datetime  # local time
    rows: tuple[LiabilityRow, ...]  # members with a balance, largest first
    principal: Money
    bonus: Money

    @property
    def total(self) -> Money:
        return self.principal + self.bonus


def liability_report(db: Database, actor: Actor, as_of: date | None = None) -> LiabilityReport:
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_REPORTS)
        unmasked = may_unmask(s, actor)
        local = local_clock(s)
        sv = StoredValueEntry
        if as_of is None:
            last = (select(sv.created_at).where(sv.member_id == Member.id)
                    .order_by(sv.id.desc()).limit(1).scalar_subquery())
            total = Member.sv_principal + Member.sv_bonus
            stmt = (select(Member.member_no, Member.name, Member.phone, Member.sv_principal,
                           Member.sv_bonus, last)
                    .where(total > Money(0)).order_by(total.desc(), Member.member_no))
        else:
            check_not_future(s, as_of)
            until = local_midnight_utc(s, as_of + timedelta(days=1))
            p, b = func.sum(sv.principal_delta), func.sum(sv.bonus_delta)
            sums = (select(sv.member_id, p.label("p"), b.label("b"),
                           func.max(sv.created_at).label("last"))
                    .where(sv.created_at < until).group_by(sv.member_id)
                    .having(p + b > Money(0)).subquery())
            stmt = (select(Member.member_no, Member.name, Member.phone, sums.c.p, sums.c.b,
                           sums.c.last)
                    .join(sums, sums.c.member_id == Member.id)
                    .order_by((sums.c.p + sums.c.b).desc(), Member.member_no))
        rows = tuple(
            LiabilityRow(no, name, phone_for(phone, unmasked), as_money(p), as_money(b),
                         local(at) if at is not None else None)
            for no, name, phone, p, b, at in s.execute(stmt)
        )
        return LiabilityReport(
            as_of=as_of,
            generated_at=local(clock.now()),
            rows=rows,
            principal=Money(sum(r.principal.fen for r in rows)),
            bonus=Money(sum(r.bonus.fen for r in rows)),
        )


def liability_document(rep: LiabilityReport, shop_name: str, generated_at: datetime,
                       lang: str = ZH_CN) -> Document:
    t = picker(lang)
    when = (t(f"截至 {rep.as_of.isoformat()} 日终", f"As of the end of {rep.as_of.isoformat()}")
            if rep.as_of else t(f"截至 {time_text(rep.generated_at)}",
                                f"As of {time_text(rep.generated_at)}"))
    summary: list[tuple[str, CellValue]] = [
        (t("有余额的会员数", "Members with a balance"), len(rep.rows)),
        (t("储值本金合计", "Paid balance"), rep.principal),
        (t("赠送余额合计", "Bonus balance"), rep.bonus),
        (t("储值负债合计", "Stored value owed"), rep.total),
    ]
    total = t("合计", "Total")
    table = Table(
        t("会员储值余额", "Balances by member"),
        (Column(t("会员编号", "Member No."), width=12), Column(t("姓名", "Name"), width=12),
         Column(t("手机号", "Mobile"), width=13), Column(t("本金", "Paid"), M),
         Column(t("赠送", "Bonus"), M), Column(total, M),
         Column(t("最后变动", "Last change"), ColumnKind.DATETIME)),
        static_rows([(r.member_no, r.name, r.phone, r.principal, r.bonus, r.total,
                      r.last_movement) for r in rep.rows]),
        totals=(total, t(f"{len(rep.rows):,} 人", f"{len(rep.rows):,} members"), "",
                rep.principal, rep.bonus, rep.total, None) if rep.rows else None,
    )
    note = t("储值负债是会员卡里尚未消费的预付款，门店应随时可兑付。本金为会员实付充值，"
             "赠送为门店赠送（退卡只退本金）。",
             "Stored value is prepaid money on members' cards not spent yet, which the shop "
             "must be able to pay back at any time. Paid is what members paid in; bonus is "
             "what the shop gave (a card refund returns only the paid part).")
    return Document(t("储值负债报表", "Stored-value liability"), shop_name, when, generated_at,
                    tuple(summary), (table,), note, normalise(lang))
