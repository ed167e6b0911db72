"""The owner's side of the membership tiers (等级): list them (deactivated ones too,
with how many members hold each), add one, change one, deactivate or reactivate it.

Only the owner changes tiers (``MANAGE_LOYALTY_RULES``; a manager reads); every
change is audited with the old and the new values. A tier is never deleted (past
sales and member prices refer to it): "removing" one is deactivating it, which is
refused while a member holds it, while a recharge offer is for it alone, or when it
is the last active tier. A higher tier may not be easier to reach than a lower one.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Member, RechargeRule, Tier
from memberdesk.money import Money
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import Localized, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import check_amount, clean_text

ZERO = Money(0)
MAX_RANK = 99
MAX_MULTIPLIER_PERMILLE = 10_000  # 10×
MAX_THRESHOLD = Money(1_000_000_000)  # ¥10,000,000
TIER_CODE = re.compile(r"^[A-Za-z0-9_./-]{1,16}$")


@dataclass(frozen=True)
class TierDraft:
    code: str
    name: str
    rank: int
    upgrade_threshold: Money = ZERO
    discount_permille: int = 1000  # the share paid: 950 = 95折
    points_multiplier_permille: int = 1000  # 1500 = 1.5× points


@dataclass(frozen=True)
class TierRow:
    id: int
    code: str
    name: str
    rank: int
    upgrade_threshold: Money
    discount_permille: int
    points_multiplier_permille: int
    active: bool
    members: int  # members holding it (any status)

    def draft(self) -> TierDraft:
        return TierDraft(self.code, self.name, self.rank, self.upgrade_threshold,
                         self.discount_permille, self.points_multiplier_permille)


FIELDS = tuple(f.name for f in dataclasses.fields(TierDraft))


def _holders(s: Session, tier_id: int) -> int:
    return int(s.scalar(select(func.count(Member.id)).where(Member.tier_id == tier_id)) or 0)


def _row(s: Session, t: Tier) -> TierRow:
    return TierRow(t.id, t.code, t.name, t.rank, t.upgrade_threshold, t.discount_permille,
                   t.points_multiplier_permille, t.active, _holders(s, t.id))


def list_tier_rows(db: Database) -> list[TierRow]:
    """Every tier by order (rank), deactivated ones too, with its member count."""
    with db.reader() as uow:
        s = uow.session
        counts = {tier_id: n for tier_id, n in s.execute(
            select(Member.tier_id, func.count(Member.id)).group_by(Member.tier_id))}
        return [TierRow(t.id, t.code, t.name, t.rank, t.upgrade_threshold,
                        t.discount_permille, t.points_multiplier_permille, t.active,
                        int(counts.get(t.id, 0)))
                for t in s.scalars(select(Tier).order_by(Tier.rank))]


def _tier(s: Session, key: str) -> Tier:
    key = (key or "").strip()
    t = s.scalar(select(Tier).where(Tier.code == key)) or s.scalar(
        select(Tier).where(Tier.name == key))
    if t is None:
        raise NotFoundError("tier_not_found", key=key)
    return t


def _check(s: Session, d: TierDraft, own_id: int | None) -> TierDraft:
    code = clean_text(d.code, 40)
    if not code:
        raise ValidationError("required_field", field=Localized("等级编号", "tier code"))
    if not TIER_CODE.match(code):
        raise ValidationError("code_bad_chars", field=Localized("等级编号", "tier code"))
    name = clean_text(d.name, 60)
    if not name:
        raise ValidationError("required_field", field=Localized("等级名称", "tier name"))
    if len(name) > 30:
        raise ValidationError("field_too_long", field=Localized("等级名称", "tier name"), max=30)
    if type(d.rank) is not int or not 1 <= d.rank <= MAX_RANK:
        raise ValidationError("tier_rank_range", max=MAX_RANK)
    if type(d.discount_permille) is not int or not 1 <= d.discount_permille <= 1000:
        raise ValidationError("tier_discount_range", value=_percent(d.discount_permille))
    multiplier = d.points_multiplier_permille
    if type(multiplier) is not int or not 0 <= multiplier <= MAX_MULTIPLIER_PERMILLE:
        raise ValidationError("tier_multiplier_range", max=MAX_MULTIPLIER_PERMILLE // 1000,
                              value=_times(multiplier))
    threshold = check_amount(d.upgrade_threshold, allow_zero=True, limit=MAX_THRESHOLD.fen)
    others = [t for t in s.scalars(select(Tier)) if t.id != own_id]
    for t in others:
        if t.code == code:
            raise ValidationError("tier_code_taken", item=code, name=t.name)
        if t.name == name:
            raise ValidationError("tier_name_taken", name=name)
        if t.rank == d.rank:
            raise ValidationError("tier_rank_taken", rank=d.rank, name=t.name)
    active = [t for t in others if t.active]
    for t in sorted(active, key=lambda t: -t.rank):  # the nearest lower tier first
        if t.rank < d.rank and t.upgrade_threshold > threshold:
            raise ValidationError("tier_threshold_order", name=name, threshold=threshold.display(),
                                  lower=t.name, lower_threshold=t.upgrade_threshold.display())
    for t in sorted(active, key=lambda t: t.rank):  # the nearest higher tier first
        if t.rank > d.rank and t.upgrade_threshold < threshold:
            raise ValidationError("tier_threshold_order", name=t.name,
                                  threshold=t.upgrade_threshold.display(), lower=name,
                                  lower_threshold=threshold.display())
    return TierDraft(code, name, d.rank, threshold, d.discount_permille, multiplier)


def _percent(permille: object) -> str:
    return f"{permille / 10:g}%" if isinstance(permille, int) else str(permille)


def _times(permille: object) -> str:
    return f"{permille / 1000:g}×" if isinstance(permille, int) else str(permille)


def _values(t: Tier | TierDraft) -> dict[str, Any]:
    return {"code": t.code, "name": t.name, "rank": t.rank,
            "upgrade_threshold": t.upgrade_threshold.fen,
            "discount_permille": t.discount_permille,
            "points_multiplier_permille": t.points_multiplier_permille}


def add_tier(db: Database, actor: Actor, draft: TierDraft) -> TierRow:
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        d = _check(s, draft, None)
        t = Tier(code=d.code, name=d.name, rank=d.rank, upgrade_threshold=d.upgrade_threshold,
                 discount_permille=d.discount_permille,
                 points_multiplier_permille=d.points_multiplier_permille, active=True)
        s.add(t)
        s.flush()
        audit.record(s, action="tier.create", staff_id=actor.staff_id, entity="tier",
                     entity_id=t.code, detail=_values(d))
        row = _row(s, t)
        uow.commit()
    return row


def edit_tier(db: Database, actor: Actor, key: str, **changes: Any) -> TierRow:
    """Change some fields of tier ``key`` (its code or name; fields as in
    :class:`TierDraft`), the rest kept, read and written in one transaction. Members
    keep their tier; a new discount or multiplier applies from the next sale."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown tier fields: {sorted(unknown)}")
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        t = _tier(s, key)
        d = _check(s, dataclasses.replace(_row(s, t).draft(), **changes), t.id)
        before, after = _values(t), _values(d)
        diff = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
        if diff:
            t.code, t.name, t.rank = d.code, d.name, d.rank
            t.upgrade_threshold = d.upgrade_threshold
            t.discount_permille = d.discount_permille
            t.points_multiplier_permille = d.points_multiplier_permille
            audit.record(s, action="tier.edit", staff_id=actor.staff_id, entity="tier",
                         entity_id=before["code"], detail=diff)
        s.flush()
        row = _row(s, t)
        uow.commit()
    return row


def set_tier_active(db: Database, actor: Actor, key: str, active: bool) -> TierRow:
    """Deactivate a tier (no longer offered, no member price column) or bring it back.
    Refused while members hold it, while a running recharge offer is for it alone, or
    for the last active tier."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        t = _tier(s, key)
        if t.active == active:
            raise ValidationError("tier_already", name=t.name,
                                  state_zh="启用" if active else "停用",
                                  state_en="active" if active else "deactivated")
        if not active:
            holders = _holders(s, t.id)
            if holders:
                raise ValidationError("tier_in_use", count=holders, name=t.name)
            rule = s.scalar(select(RechargeRule.name).where(
                RechargeRule.tier_id == t.id, RechargeRule.active.is_(True)).limit(1))
            if rule is not None:
                raise ValidationError("tier_in_rules", rule=rule, name=t.name)
            others = s.scalar(select(func.count(Tier.id)).where(
                Tier.active.is_(True), Tier.id != t.id)) or 0
            if not others:
                raise ValidationError("tier_last", name=t.name)
        else:
            _check(s, _row(s, t).draft(), t.id)  # its threshold still fits among the others
        t.active = active
        audit.record(s, action="tier.activate" if active else "tier.deactivate",
                     staff_id=actor.staff_id, entity="tier", entity_id=t.code,
                     detail={"active": [not active, active]})
        s.flush()
        row = _row(s, t)
        uow.commit()
    return row
