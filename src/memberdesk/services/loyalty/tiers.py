"""Membership tiers (等级): list them, and move a member to another tier by hand.

A manager sets a member's tier, with a reason (audited, and in the tier history).
Automatic upgrade and downgrade over the evaluation window: :mod:`.tier_moves`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import (
    Member,
    Tier,
)
from memberdesk.money import Money
from memberdesk.services.loyalty import tier_moves
from memberdesk.services.members.admin import (
    MemberFile,
    correctable_member,
    correction_reason,
    member_file,
)
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError
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
    page's rule (:func:`move_member_tier`)."""
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


def change_member_tier(db: Database, actor: Actor, member_no: str, tier_id: int, *,
                       reason: str, locked_until: date | None = None) -> MemberFile:
    """Move a member to another tier by hand, optionally locked until ``locked_until``
    (a day after today; None: no lock). Audited as ``member.tier`` and written to the
    tier history (``tier_changes``)."""
    reason = correction_reason(reason)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        member = correctable_member(s, member_no)
        tier = s.get(Tier, tier_id)
        if tier is None or not tier.active:
            raise NotFoundError("tier_not_found", key=tier_id)
        move_member_tier(s, actor, member, tier, reason=reason, locked_until=locked_until)
        uow.commit()
    return member_file(db, actor, member_no)


def move_member_tier(s: Session, actor: Actor, member: Member, tier: Tier, *, reason: str,
                     locked_until: date | None) -> None:
    """The one rule for a tier set by hand, in the caller's transaction (the member
    page and ``tiers.set_member_tier`` both use it): the lock must end after today,
    a change must change something; the move is audited and written to the tier
    history."""
    if locked_until is not None and locked_until <= clock.today(s):
        raise ValidationError("tier_lock_past", day=locked_until.isoformat())
    if tier.id == member.tier_id and locked_until == member.tier_locked_until:
        raise ConflictError("tier_unchanged", member_no=member.member_no, tier=tier.name)
    before = s.get(Tier, member.tier_id)
    audit.record(s, action="member.tier", staff_id=actor.staff_id, entity="member",
                 entity_id=member.member_no,
                 detail={"from": member.tier_id, "to": tier.id,
                         "from_name": before.name if before else "", "to_name": tier.name,
                         "locked_until": locked_until.isoformat() if locked_until else None,
                         "reason": reason})
    tier_moves.record_manual(s, member.id, member.tier_id, tier.id, clock.today(s),
                             actor.staff_id)
    member.tier_id = tier.id
    member.tier_evaluated_at = clock.now()
    member.tier_locked_until = locked_until
    s.flush()
