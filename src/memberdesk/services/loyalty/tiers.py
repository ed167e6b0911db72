"""Membership tiers (等级): list them, and move a member to another tier by hand.

A manager sets a member's tier, with a reason (audited, and in the tier history).
Automatic upgrade and downgrade over the evaluation window: :mod:`.tier_moves`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Member, Tier
from memberdesk.money import Money
from memberdesk.services.members.admin import move_member_tier
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import clean_text


@dataclass(frozen=True)
class TierInfo:
    id: int
    code: str
    name: str
    rank: int
    upgrade_threshold: Money
    discount_permille: int
    points_multiplier_permille: int


def list_tiers(db: Database) -> list[TierInfo]:
    with db.reader() as uow:
        return [
            TierInfo(t.id, t.code, t.name, t.rank, t.upgrade_threshold, t.discount_permille,
                     t.points_multiplier_permille)
            for t in uow.session.scalars(
                select(Tier).where(Tier.active.is_(True)).order_by(Tier.rank))
        ]


def set_member_tier(
    db: Database, actor: Actor, member_no: str, tier_code: str, *, reason: str,
    locked_until: date | None = None,
) -> TierInfo:
    """A tier set by hand, by the tier's code (the command line, the demo): the member
    page's rule (:func:`memberdesk.services.members.admin.move_member_tier`)."""
    reason = clean_text(reason, 200)
    if not reason:
        raise ValidationError("reason_required")
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        member = s.scalar(select(Member).where(Member.member_no == member_no))
        if member is None:
            raise NotFoundError("member_not_found", key=member_no)
        tier = s.scalar(select(Tier).where(Tier.code == tier_code, Tier.active.is_(True)))
        if tier is None:
            raise NotFoundError("tier_not_found", key=tier_code)
        move_member_tier(s, actor, member, tier, reason=reason, locked_until=locked_until)
        info = TierInfo(tier.id, tier.code, tier.name, tier.rank, tier.upgrade_threshold,
                        tier.discount_permille, tier.points_multiplier_permille)
        uow.commit()
    return info
