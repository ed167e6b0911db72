"""The points report (积分报表): points outstanding per member with what expires
soon, and the points issued, redeemed and expired in a range of local dates.

Per-member figures are as of now: the cached balance, and from the member's lots the
points expiring within ``points.expiring_soon_days`` and those already past their
date (written off by the daily job the day after). Member rows stream.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.points import expiry_horizon
from memberdesk.models import Member, PointsEntry, PointsLot, TierChange
from memberdesk.models.enums import PointsKind
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table, static_rows
from memberdesk.services.members.details import may_unmask, phone_for
from memberdesk.services.shared import clock, settings
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require

from .common import (
    STREAM_BATCH,
    DateRange,
    RowStream,
    check_range,
    created_between,
    local_midnight_utc,
    streaming_reader,
)
from .labels import label
from .loyalty_moves import LoyaltyMoves, loyalty_moves, loyalty_table
from .words import ZH_CN, normalise, picker

I = ColumnKind.INT  # noqa: E741
ISSUED = (PointsKind.OPENING, PointsKind.EARN, PointsKind.BONUS)


@dataclass(frozen=True)
class PointsMemberRow:
    member_no: str
    name: str
    phone: str
    balance: int
    expiring: int  # within the next N days (today included)
    next_expiry: date | None  # the soonest date a lot with points left expires
    overdue: int  # past their date, not yet written off


@dataclass(frozen=True)
class PointsReport:
    period: DateRange
    today: date
    expiring_days: int
    generated_at: datetime  # local time
    opening: int  # ledger balance before the range
    closing: int  # ledger balance at the end of the range
    movements: tuple[tuple[PointsKind, int], ...]  # in the range, by kind
    issued: int
    redeemed: int
    expired: int
    outstanding: int  # now, all members
    members: int  # members holding points now
    expiring: int
    overdue: int
    rows: RowStream[PointsMemberRow]
    gifts: int = 0  # points-mall redemptions made in the range (reversed ones included)
    gift_points: int = 0  # their points (part of the REDEEM movements)
    sign_ins: int = 0  # sign-ins (签到) in the range
    sign_in_points: int = 0  # their points, streak bonuses included (part of BONUS)
    loyalty: LoyaltyMoves = field(default_factory=LoyaltyMoves)  # sign-ins, gifts, referral, tiers


def _lots_sum(cond: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(PointsLot.remaining).filter(cond), 0)


def _ledger_balance_before(s: Session, day: date | None) -> int:
    if day is None:
        return 0
    return int(s.scalar(select(func.coalesce(func.sum(PointsEntry.delta), 0)).where(
        PointsEntry.created_at < local_midnight_utc(s, day))) or 0)


@contextmanager
def points_report(
    db: Database, actor: Actor, start: date | None = None, end: date | None = None,
    expiring_days: int | None = None,
) -> Iterator[PointsReport]:
    period = check_range(start, end)
    with streaming_reader(db) as reading:
        s = reading.session
        require(s, actor, Permission.VIEW_REPORTS)
        unmasked = may_unmask(s, actor)
        days = expiring_days or settings.get_int(s, "points.expiring_soon_days")
        today = clock.business_date(s, clock.now())
        horizon = expiry_horizon(today, days)  # the card's rule (domain.points)
        moves = {k: int(v or 0) for k, v in s.execute(
            select(PointsEntry.kind, func.sum(PointsEntry.delta))
            .where(created_between(s, PointsEntry.created_at, period))
            .group_by(PointsEntry.kind))}
        movements = tuple((k, int(moves[k])) for k in PointsKind if moves.get(k))
        opening = _ledger_balance_before(s, period.start)
        soon = PointsLot.expires_on.between(today, horizon)
        late = PointsLot.expires_on < today
        expiring, overdue = s.execute(
            select(_lots_sum(soon), _lots_sum(late)).where(PointsLot.remaining > 0)).one()
        outstanding, members = s.execute(
            select(func.coalesce(func.sum(Member.points_balance), 0), func.count())
            .where(Member.points_balance > 0)).one()

        def rows() -> Iterator[PointsMemberRow]:
            lots = (PointsLot.member_id == Member.id, PointsLot.remaining > 0)
            stmt = (
                select(
                    Member.member_no, Member.name, Member.phone, Member.points_balance,
                    select(_lots_sum(soon)).where(*lots).scalar_subquery(),
                    select(func.min(PointsLot.expires_on))
                    .where(*lots, PointsLot.expires_on >= today).scalar_subquery(),
                    select(_lots_sum(late)).where(*lots).scalar_subquery(),
                )
                .where(Member.points_balance > 0)
                .order_by(Member.points_balance.desc(), Member.member_no)
                .execution_options(yield_per=STREAM_BATCH)
            )
            for no, name, phone, balance, exp, nxt, over in s.execute(stmt):
                yield PointsMemberRow(no, name, phone_for(phone, unmasked), int(balance),
                                      int(exp or 0), nxt, int(over or 0))

        loyalty = loyalty_moves(s, created_between(s, PointsEntry.created_at, period),
                                created_between(s, TierChange.created_at, period))
        gift_points = loyalty.gift_points

        yield PointsReport(
            period=period,
            today=today,
            expiring_days=days,
            generated_at=local_clock(s)(clock.now()),
            opening=opening,
            closing=opening + sum(v for _, v in movements),
            movements=movements,
            issued=sum(int(moves.get(k) or 0) for k in ISSUED),
            redeemed=-int(moves.get(PointsKind.REDEEM) or 0) - int(gift_points),
            expired=-int(moves.get(PointsKind.EXPIRE) or 0),
            outstanding=int(outstanding),
            members=int(members),
            expiring=int(expiring),
            overdue=int(overdue),
            rows=reading.stream(rows),
            gifts=loyalty.gifts, gift_points=loyalty.gift_points, sign_ins=loyalty.sign_ins,
            sign_in_points=loyalty.sign_in_points, loyalty=loyalty,
        )


def points_document(rep: PointsReport, shop_name: str, generated_at: datetime,
                    lang: str = ZH_CN) -> Document:
    t = picker(lang)
    days = rep.expiring_days
    summary: list[tuple[str, CellValue]] = [
        (t("期初积分（账面）", "Points at start (ledger)"), rep.opening),
        (t("期内发放", "Issued in the period"), rep.issued),
        (t("期内抵现使用", "Redeemed in the period"), rep.redeemed),
        (t("期内兑换礼品（笔/积分）", "Gifts redeemed in the period (count / points)"),
         f"{rep.gifts:,} / {rep.gift_points:,}"),
        (t("期内签到（次/积分）", "Sign-ins in the period (count / points)"),
         f"{rep.sign_ins:,} / {rep.sign_in_points:,}"),
        (t("期内过期", "Expired in the period"), rep.expired),
        (t("期末积分（账面）", "Points at end (ledger)"), rep.closing),
        (t(f"当前未用积分（{rep.today.isoformat()}）",
           f"Outstanding now ({rep.today.isoformat()})"), rep.outstanding),
        (t("持有积分的会员数", "Members with points"), rep.members),
        (t(f"{days} 天内到期", f"Expiring within {days} days"), rep.expiring),
        (t("已到期待清零", "Expired, to be cleared"), rep.overdue),
    ]
    member_rows = rep.rows
    total = t("合计", "Total")
    tables = (
        Table(t("积分变动", "Points movements"), (Column(t("类型", "Kind")),
                                                  Column(t("积分", "Points"), I)),
              static_rows([(label(k, lang), v) for k, v in rep.movements]),
              totals=(total, rep.closing - rep.opening) if rep.movements else None),
        loyalty_table(rep.loyalty, lang),
        Table(t("会员积分", "Points by member"),
              (Column(t("会员编号", "Member No."), width=12), Column(t("姓名", "Name"), width=12),
               Column(t("手机号", "Mobile"), width=13), Column(t("积分余额", "Balance"), I),
               Column(t(f"{days}天内到期", f"Expiring in {days} days"), I),
               Column(t("最近到期日", "Next expiry"), ColumnKind.DATE),
               Column(t("已到期待清零", "Expired, to clear"), I)),
              lambda: ((r.member_no, r.name, r.phone, r.balance, r.expiring, r.next_expiry,
                        r.overdue) for r in member_rows()),
              totals=(total, t(f"{rep.members:,} 人", f"{rep.members:,} members"), "",
                      rep.outstanding, rep.expiring, None, rep.overdue) if rep.members else None),
    )
    note = t("发放 = 期初导入 + 消费获得 + 赠送；退款退回、退款扣回与调整见“积分变动”。"
             "会员积分为当前余额；到期积分在到期次日由每日任务清零。",
             "Issued = opening + earned + bonus; points returned or taken back on refunds and "
             "adjustments are under \"Points movements\". Member balances are as of now; "
             "expired points are written off by the daily job the day after they expire.")
    if not rep.movements:
        note = t("（无数据）该期间没有积分变动。", "(no data) No points moved in the period. ") + note
    return Document(t("积分报表", "Points report"), shop_name, rep.period.text(lang),
                    generated_at, tuple(summary), tables, note, normalise(lang))
