"""The member statement (会员对账单): every stored-value and points movement of one
member in a range of local dates, with opening, running and closing balances.

Opening balances are the ledger's sums before the range; each row's balance is the
opening plus the movements so far (the same figure the ledger keeps in its
``*_after`` columns). Rows stream from the open unit of work.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, false, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from memberdesk.db import Database
from memberdesk.models import PointsEntry, Recharge, Refund, Sale, StoredValueEntry, Tier
from memberdesk.models.enums import MemberStatus, PointsKind, StoredValueKind
from memberdesk.money import Money
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table
from memberdesk.services.members.details import may_unmask, phone_for
from memberdesk.services.members.profiles import member_by_no
from memberdesk.services.shared import clock
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require

from .common import (
    STREAM_BATCH,
    DateRange,
    RowStream,
    as_money,
    check_range,
    created_between,
    local_midnight_utc,
    staff_names,
    streaming_reader,
)
from .labels import label
from .words import ZH_CN, normalise, picker


@dataclass(frozen=True)
class StoredValueRow:
    at: datetime  # local time
    kind: StoredValueKind
    reference: str  # the sale, recharge or refund number
    principal: Money
    bonus: Money
    principal_after: Money
    bonus_after: Money
    staff: str
    note: str  # besides the reference: e.g. the original sale of a refund


@dataclass(frozen=True)
class PointsRow:
    at: datetime
    kind: PointsKind
    reference: str
    delta: int
    balance_after: int
    staff: str
    note: str


@dataclass(frozen=True)
class MemberStatement:
    member_no: str
    name: str
    phone: str  # masked unless the viewer may see full numbers
    tier: str
    status: MemberStatus
    period: DateRange
    generated_at: datetime  # local time
    sv_open_principal: Money
    sv_open_bonus: Money
    sv_close_principal: Money
    sv_close_bonus: Money
    sv_count: int
    points_open: int
    points_close: int
    points_count: int
    sv_rows: RowStream[StoredValueRow]
    points_rows: RowStream[PointsRow]

    @property
    def sv_open(self) -> Money:
        return self.sv_open_principal + self.sv_open_bonus

    @property
    def sv_close(self) -> Money:
        return self.sv_close_principal + self.sv_close_bonus


def _reference(entry: Any) -> Select[Any]:
    """The number of the document a ledger entry belongs to (refund, sale, recharge)."""
    ref = func.coalesce(
        select(Refund.refund_no).where(Refund.id == entry.refund_id).scalar_subquery(),
        select(Sale.sale_no).where(Sale.id == entry.sale_id).scalar_subquery(),
        select(Recharge.recharge_no).where(Recharge.id == entry.recharge_id).scalar_subquery(),
        literal(""),
    )
    return select(entry, ref)


def _other_refs(note: str, reference: str) -> str:
    """The entry's note without the number already shown as its reference (what is
    left is, say, the original sale of a refund)."""
    return " ".join(word for word in note.split() if word != reference)


def _before(s: Session, col: InstrumentedAttribute[datetime], period: DateRange) -> Any:
    if period.start is None:
        return false()
    return col < local_midnight_utc(s, period.start)


@contextmanager
def member_statement(
    db: Database, actor: Actor, member_no: str,
    start: date | None = None, end: date | None = None,
) -> Iterator[MemberStatement]:
    """The statement of ``member_no`` over ``start``..``end`` (open-ended by default).
    Its rows can be read while the ``with`` block is open."""
    period = check_range(start, end)
    with streaming_reader(db) as reading:
        s = reading.session
        require(s, actor, Permission.VIEW_REPORTS)
        member = member_by_no(s, member_no)
        phone = phone_for(member.phone, may_unmask(s, actor))
        tier = s.get(Tier, member.tier_id)
        sv, pe = StoredValueEntry, PointsEntry
        p0, b0 = s.execute(
            select(func.coalesce(func.sum(sv.principal_delta), 0),
                   func.coalesce(func.sum(sv.bonus_delta), 0))
            .where(sv.member_id == member.id, _before(s, sv.created_at, period))).one()
        p_in, b_in, n_sv = s.execute(
            select(func.coalesce(func.sum(sv.principal_delta), 0),
                   func.coalesce(func.sum(sv.bonus_delta), 0), func.count())
            .where(sv.member_id == member.id, created_between(s, sv.created_at, period))).one()
        pts0 = s.scalar(select(func.coalesce(func.sum(pe.delta), 0)).where(
            pe.member_id == member.id, _before(s, pe.created_at, period))) or 0
        pts_in, n_pts = s.execute(
            select(func.coalesce(func.sum(pe.delta), 0), func.count())
            .where(pe.member_id == member.id, created_between(s, pe.created_at, period))).one()
        names = staff_names(s)
        local = local_clock(s)
        open_p, open_b, open_pts = as_money(p0), as_money(b0), int(pts0)

        def sv_rows() -> Iterator[StoredValueRow]:
            p, b = open_p, open_b
            stmt = (_reference(sv).where(sv.member_id == member.id,
                                         created_between(s, sv.created_at, period))
                    .order_by(sv.id).execution_options(yield_per=STREAM_BATCH))
            for e, ref in s.execute(stmt):
                p, b = p + e.principal_delta, b + e.bonus_delta
                yield StoredValueRow(local(e.created_at), e.kind, ref, e.principal_delta,
                                     e.bonus_delta, p, b, names.get(e.staff_id or 0, ""),
                                     _other_refs(e.note, ref))

        def points_rows() -> Iterator[PointsRow]:
            balance = open_pts
            stmt = (_reference(pe).where(pe.member_id == member.id,
                                         created_between(s, pe.created_at, period))
                    .order_by(pe.id).execution_options(yield_per=STREAM_BATCH))
            for e, ref in s.execute(stmt):
                balance += e.delta
                yield PointsRow(local(e.created_at), e.kind, ref, e.delta, balance,
                                names.get(e.staff_id or 0, ""), _other_refs(e.note, ref))

        yield MemberStatement(
            member_no=member.member_no,
            name=member.name,
            phone=phone,
            tier=tier.name if tier else "",
            status=member.status,
            period=period,
            generated_at=local(clock.now()),
            sv_open_principal=open_p,
            sv_open_bonus=open_b,
            sv_close_principal=open_p + as_money(p_in),
            sv_close_bonus=open_b + as_money(b_in),
            sv_count=int(n_sv),
            points_open=open_pts,
            points_close=open_pts + int(pts_in),
            points_count=int(n_pts),
            sv_rows=reading.stream(sv_rows),
            points_rows=reading.stream(points_rows),
        )


def statement_document(st: MemberStatement, shop_name: str, generated_at: datetime,
                       lang: str = ZH_CN) -> Document:
    m, i, dt = ColumnKind.MONEY, ColumnKind.INT, ColumnKind.DATETIME
    t = picker(lang)
    summary: list[tuple[str, CellValue]] = [
        (t("会员编号", "Member No."), st.member_no),
        (t("姓名", "Name"), st.name),
        (t("手机号", "Mobile"), st.phone),
        (t("会员等级", "Tier"), st.tier),
        (t("期初储值 本金", "Stored value at start, paid"), st.sv_open_principal),
        (t("期初储值 赠送", "Stored value at start, bonus"), st.sv_open_bonus),
        (t("期初储值 合计", "Stored value at start"), st.sv_open),
        (t("期末储值 本金", "Stored value at end, paid"), st.sv_close_principal),
        (t("期末储值 赠送", "Stored value at end, bonus"), st.sv_close_bonus),
        (t("期末储值 合计", "Stored value at end"), st.sv_close),
        (t("储值流水笔数", "Stored-value entries"), st.sv_count),
        (t("期初积分", "Points at start"), st.points_open),
        (t("期末积分", "Points at end"), st.points_close),
        (t("积分流水笔数", "Points entries"), st.points_count),
    ]
    total = t("合计", "Total")
    sv_totals: tuple[CellValue, ...] | None = None
    if st.sv_count:
        sv_totals = (total, "", "", st.sv_close_principal - st.sv_open_principal,
                     st.sv_close_bonus - st.sv_open_bonus, st.sv_close_principal,
                     st.sv_close_bonus, st.sv_close, "", "")
    sv_rows = st.sv_rows
    pts_rows = st.points_rows
    when, kind, ref = t("时间", "Time"), t("类型", "Kind"), t("单号", "Reference")
    staff, note_head = t("操作员", "Staff"), t("备注", "Note")
    tables = (
        Table(t("储值流水", "Stored value"),
              (Column(when, dt), Column(kind, width=9), Column(ref, width=18),
               Column(t("本金变动", "Paid change"), m), Column(t("赠送变动", "Bonus change"), m),
               Column(t("本金余额", "Paid balance"), m), Column(t("赠送余额", "Bonus balance"), m),
               Column(t("余额合计", "Balance"), m), Column(staff, width=9),
               Column(note_head, width=14)),
              lambda: ((r.at, label(r.kind, lang), r.reference, r.principal, r.bonus,
                        r.principal_after, r.bonus_after, r.principal_after + r.bonus_after,
                        r.staff, r.note) for r in sv_rows()),
              totals=sv_totals),
        Table(t("积分流水", "Points"),
              (Column(when, dt), Column(kind, width=10), Column(ref, width=18),
               Column(t("积分变动", "Change"), i), Column(t("积分余额", "Balance"), i),
               Column(staff, width=9), Column(note_head, width=16)),
              lambda: ((r.at, label(r.kind, lang), r.reference, r.delta, r.balance_after,
                        r.staff, r.note) for r in pts_rows()),
              totals=(total, "", "", st.points_close - st.points_open, st.points_close, "", "")
              if st.points_count else None),
    )
    title = t(f"会员对账单 {st.member_no} {st.name}", f"Member statement {st.member_no} {st.name}")
    note = t("余额为每笔变动后的余额；本金为顾客充值的金额，赠送为门店赠送的金额，退卡只退本金。",
             "Balances are after each entry; paid is what the customer paid in, bonus what the "
             "shop gave; a card refund returns only the paid part.")
    if not st.sv_count and not st.points_count:
        note = t("（无数据）该期间没有储值或积分变动。",
                 "(no data) No stored value or points moved in the period. ") + note
    return Document(title, shop_name, st.period.text(lang), generated_at, tuple(summary), tables,
                    note, normalise(lang))
