"""The loyalty engine's moves in a report's range (issue 12, section 7): sign-ins, gifts
redeemed and reversed, referral rewards given and taken back, points expired, and tier
changes by reason. The day close takes them by its points-entry and tier-change
watermarks (each move belongs to exactly one close); the points report by the local
dates of their points entries. One reader for both, so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from memberdesk.domain.tiers import TierReason
from memberdesk.models import MallRedemption, PointsEntry, SignIn, TierChange
from memberdesk.models.enums import PointsKind
from memberdesk.reports.document import CellValue, Column, ColumnKind, Table, static_rows
from memberdesk.services.loyalty.referrals import NOTE as REFERRAL_NOTE

from .words import picker


@dataclass(frozen=True)
class LoyaltyMoves:
    sign_ins: int = 0
    sign_in_points: int = 0  # streak bonuses included
    gifts: int = 0  # redemptions made (a reversed one included: its reversal is below)
    gift_points: int = 0
    gifts_reversed: int = 0
    gift_points_returned: int = 0
    referral_rewards: int = 0  # points entries: one per rewarded member
    referral_points: int = 0
    referral_taken_back: int = 0  # points taken back by refunds (positive)
    points_expired: int = 0  # positive
    tier_changes: tuple[tuple[TierReason, int], ...] = ()  # by reason, in TierReason order


def _pair(s: Session, stmt: object) -> tuple[int, int]:
    n, total = s.execute(stmt).one()  # type: ignore[call-overload]
    return int(n or 0), int(total or 0)


def loyalty_moves(s: Session, entries: ColumnElement[bool],
                  tier_changes: ColumnElement[bool] | None) -> LoyaltyMoves:
    """``entries``: which points entries count (a condition on :class:`PointsEntry`);
    ``tier_changes``: which tier changes (None: none are counted)."""
    count_sum = (func.count(), func.coalesce(func.sum(PointsEntry.delta), 0))
    sign_ins, sign_in_points = _pair(s, select(*count_sum).select_from(SignIn).join(
        PointsEntry, PointsEntry.id == SignIn.points_entry_id).where(entries))
    gifts, gift_points = _pair(s, select(*count_sum).select_from(MallRedemption).join(
        PointsEntry, PointsEntry.id == MallRedemption.points_entry_id).where(entries))
    reversed_, returned = _pair(s, select(*count_sum).select_from(MallRedemption).join(
        PointsEntry, PointsEntry.id == MallRedemption.reversal_entry_id).where(entries))
    referral = PointsEntry.note == REFERRAL_NOTE
    rewards, reward_points = _pair(s, select(*count_sum).where(
        entries, referral, PointsEntry.kind == PointsKind.BONUS))
    _n, taken = _pair(s, select(*count_sum).where(
        entries, referral, PointsEntry.kind == PointsKind.EARN_REVERSAL))
    _n, expired = _pair(s, select(*count_sum).where(entries, PointsEntry.kind == PointsKind.EXPIRE))
    tiers: dict[str, int] = {}
    if tier_changes is not None:
        tiers = {str(r): int(n) for r, n in s.execute(
            select(TierChange.reason, func.count()).where(tier_changes)
            .group_by(TierChange.reason))}
    return LoyaltyMoves(
        sign_ins=sign_ins, sign_in_points=sign_in_points, gifts=gifts,
        gift_points=-gift_points, gifts_reversed=reversed_, gift_points_returned=returned,
        referral_rewards=rewards, referral_points=reward_points, referral_taken_back=-taken,
        points_expired=-expired,
        tier_changes=tuple((r, tiers[r.value]) for r in TierReason if tiers.get(r.value)),
    )


_TIER_WORDS = {
    TierReason.UPGRADE: ("升级", "Upgrades"),
    TierReason.DOWNGRADE: ("降级", "Downgrades"),
    TierReason.RENEW: ("保级续期", "Renewed"),
    TierReason.MANUAL: ("手工调整", "Set by hand"),
}


def loyalty_rows(moves: LoyaltyMoves, lang: str) -> list[tuple[CellValue, ...]]:
    """(what, count, points) rows for a report's 会员权益 table: the same words in
    the day close and the points report, the window, the workbook and the PDF."""
    t = picker(lang)
    rows: list[tuple[CellValue, ...]] = [
        (t("签到", "Sign-ins"), moves.sign_ins, moves.sign_in_points),
        (t("积分兑换礼品", "Gifts redeemed"), moves.gifts, -moves.gift_points),
        (t("兑换撤销", "Redemptions reversed"), moves.gifts_reversed, moves.gift_points_returned),
        (t("推荐奖励发放", "Referral rewards given"), moves.referral_rewards,
         moves.referral_points),
        (t("推荐奖励扣回", "Referral rewards taken back"), None, -moves.referral_taken_back),
        (t("积分过期", "Points expired"), None, -moves.points_expired),
    ]
    for reason in TierReason:
        zh, en = _TIER_WORDS[reason]
        rows.append((t(f"会员等级{zh}", f"Tier changes: {en.lower()}"),
                     dict(moves.tier_changes).get(reason, 0), None))
    return rows


def loyalty_table(moves: LoyaltyMoves, lang: str) -> Table:
    """The 会员权益 table of the day close and the points report."""
    t = picker(lang)
    return Table(t("会员权益", "Loyalty"),
                 (Column(t("项目", "What"), width=22), Column(t("笔数", "Count"), ColumnKind.INT),
                  Column(t("积分", "Points"), ColumnKind.INT)),
                 static_rows(loyalty_rows(moves, lang)))
