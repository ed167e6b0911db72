"""Recharge offers (充值活动, 充100送20) as the owner runs them: list them (running,
scheduled and ended), add one, end one.

Only the owner adds or ends an offer (``MANAGE_LOYALTY_RULES``); every change is
audited. The dates are the shop's: an offer runs from the start of its first day
to the end of its last (both in the shop's time zone), either may be open. What a
recharge gets is still :func:`memberdesk.domain.offers.offer_for`'s call.

Refused, with a message saying why: an offer that gives nothing; a bonus larger
than the threshold (充100送120 is a typo far more often than a plan: a shop owner
gives at most as much as is paid, 充100送100); a threshold above the stored value
cap (it could never be used); dates the wrong way round or already past; and an
offer overlapping a running or scheduled one for the same threshold and the same
tier ("every tier" counts as its own tier), which would leave the till to pick
between two offers the owner meant as one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.models import CouponTemplate, RechargeRule, Tier
from memberdesk.money import Money
from memberdesk.services.shared import audit, clock, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import Localized, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import check_amount, clean_text

ZERO = Money(0)
MAX_BONUS_POINTS = 1_000_000


@dataclass(frozen=True)
class RechargeOfferRequest:
    """An offer as the owner types it: tier and coupon by code (or name), dates in
    the shop's calendar, ``last_day`` included."""

    name: str
    threshold: Money
    bonus: Money = ZERO
    bonus_points: int = 0
    coupon: str = ""  # a coupon template's code or name, "" for none
    tier: str = ""  # a tier's code or name, "" for every tier
    first_day: date | None = None  # None: from now
    last_day: date | None = None  # None: until ended


@dataclass(frozen=True)
class RechargeOfferRow:
    id: int
    name: str
    threshold: Money
    bonus: Money
    bonus_points: int
    coupon_code: str  # "" for none
    coupon_name: str
    tier_code: str  # "" for every tier
    tier_name: str
    first_day: date | None  # shop dates
    last_day: date | None
    state: str  # "running", "scheduled" or "ended"


def _shop_date(at: datetime | None, offset: int) -> date | None:
    return None if at is None else shoptime.business_date(at, offset)


def _state(r: RechargeRule, now: datetime) -> str:
    if not r.active or (r.valid_to is not None and r.valid_to <= now):
        return "ended"
    if r.valid_from is not None and r.valid_from > now:
        return "scheduled"
    return "running"


def _rows(s: Session, rules: list[RechargeRule]) -> list[RechargeOfferRow]:
    offset = clock.offset_minutes(s)
    now = clock.now()
    tiers = {i: (c, n) for i, c, n in s.execute(select(Tier.id, Tier.code, Tier.name))}
    coupons = {i: (c, n) for i, c, n in s.execute(
        select(CouponTemplate.id, CouponTemplate.code, CouponTemplate.name))}
    out = []
    for r in rules:
        tc, tn = tiers.get(r.tier_id, ("", "")) if r.tier_id is not None else ("", "")
        cc, cn = (coupons.get(r.coupon_template_id, ("", ""))
                  if r.coupon_template_id is not None else ("", ""))
        last = r.valid_to - timedelta(microseconds=1) if r.valid_to is not None else None
        out.append(RechargeOfferRow(
            r.id, r.name, r.threshold, r.bonus, r.bonus_points, cc, cn, tc, tn,
            _shop_date(r.valid_from, offset), _shop_date(last, offset), _state(r, now)))
    return out


def list_recharge_offers(db: Database) -> list[RechargeOfferRow]:
    """Every offer: running and scheduled ones first (by threshold), then ended ones
    (the latest first)."""
    with db.reader() as uow:
        s = uow.session
        rows = _rows(s, list(s.scalars(select(RechargeRule).order_by(
            RechargeRule.threshold, RechargeRule.id))))
    live = [r for r in rows if r.state != "ended"]
    ended = sorted((r for r in rows if r.state == "ended"), key=lambda r: -r.id)
    return live + ended


def _tier_id(s: Session, key: str) -> int | None:
    key = clean_text(key, 60)
    if not key:
        return None
    t = s.scalar(select(Tier).where(Tier.code == key, Tier.active.is_(True))) or s.scalar(
        select(Tier).where(Tier.name == key, Tier.active.is_(True)))
    if t is None:
        raise NotFoundError("tier_not_found", key=key)
    return t.id


def _coupon_id(s: Session, key: str) -> int | None:
    key = clean_text(key, 60)
    if not key:
        return None
    t = s.scalar(select(CouponTemplate).where(CouponTemplate.code == key)) or s.scalar(
        select(CouponTemplate).where(CouponTemplate.name == key))
    if t is None:
        raise NotFoundError("template_not_found", key=key)
    if not t.active:
        raise ValidationError("template_inactive", name=t.name)
    return t.id


def _window(r: RechargeRule) -> tuple[datetime | None, datetime | None]:
    return r.valid_from, r.valid_to


def _overlap(a: tuple[datetime | None, datetime | None],
             b: tuple[datetime | None, datetime | None]) -> bool:
    """Two [from, to) windows (None: open) share an instant."""
    return ((a[0] is None or b[1] is None or a[0] < b[1])
            and (b[0] is None or a[1] is None or b[0] < a[1]))


def _window_text(row: RechargeOfferRow) -> Localized:
    first = row.first_day.isoformat() if row.first_day else None
    last = row.last_day.isoformat() if row.last_day else None
    if first and last:
        return Localized(f"{first} 至 {last}", f"{first} to {last}")
    if first:
        return Localized(f"{first} 起", f"from {first}")
    if last:
        return Localized(f"至 {last}", f"until {last}")
    return Localized("长期有效", "no end date")


def add_recharge_offer(db: Database, actor: Actor, request: RechargeOfferRequest
                       ) -> RechargeOfferRow:  # fmt: skip
    name = clean_text(request.name, 80)
    if not name:
        raise ValidationError("required_field", field=Localized("活动名称", "offer name"))
    if len(name) > 40:
        raise ValidationError("field_too_long", field=Localized("活动名称", "offer name"), max=40)
    threshold = check_amount(request.threshold)
    bonus = check_amount(request.bonus, allow_zero=True)
    points = request.bonus_points
    if type(points) is not int or not 0 <= points <= MAX_BONUS_POINTS:
        raise ValidationError("rule_points_range", max=MAX_BONUS_POINTS)
    if bonus > threshold:
        raise ValidationError("rule_bonus_above_threshold", bonus=bonus.display(),
                              threshold=threshold.display())
    first, last = request.first_day, request.last_day
    if first is not None and last is not None and last < first:
        raise ValidationError("rule_dates_reversed", start=first.isoformat(), end=last.isoformat())
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        tier_id = _tier_id(s, request.tier)
        coupon_id = _coupon_id(s, request.coupon)
        if not bonus and not points and coupon_id is None:
            raise ValidationError("rule_nothing_given")
        cap = Money(settings.get_int(s, "stored_value.cap_fen"))
        if threshold > cap:
            raise ValidationError("rule_threshold_over_cap", threshold=threshold.display(),
                                  cap=cap.display())
        offset = clock.offset_minutes(s)
        if last is not None and last < clock.today(s):
            raise ValidationError("rule_ends_in_past", end=last.isoformat())
        valid_from = shoptime.start_of_day(first, offset) if first is not None else None
        valid_to = (shoptime.start_of_day(last + timedelta(days=1), offset)
                    if last is not None else None)
        now = clock.now()
        same = [r for r in s.scalars(select(RechargeRule).where(
            RechargeRule.threshold == threshold, RechargeRule.active.is_(True)))
            if r.tier_id == tier_id and _state(r, now) != "ended"]
        window = (valid_from or now, valid_to)
        for r in same:
            if _overlap(window, _window(r)):
                row = _rows(s, [r])[0]
                raise ValidationError("rule_overlaps", rule=r.name, window=_window_text(row),
                                      threshold=threshold.display())
        rule = RechargeRule(name=name, threshold=threshold, bonus=bonus, bonus_points=points,
                            coupon_template_id=coupon_id, tier_id=tier_id,
                            valid_from=valid_from, valid_to=valid_to, active=True)
        s.add(rule)
        s.flush()
        row = _rows(s, [rule])[0]
        audit.record(s, action="recharge_rule.create", staff_id=actor.staff_id,
                     entity="recharge_rule", entity_id=rule.id, detail={
                         "name": name, "threshold": threshold.fen, "bonus": bonus.fen,
                         "bonus_points": points, "coupon": row.coupon_code,
                         "tier": row.tier_code,
                         "first_day": first.isoformat() if first else None,
                         "last_day": last.isoformat() if last else None})
        uow.commit()
    return row


def end_recharge_offer(db: Database, actor: Actor, rule_id: int) -> RechargeOfferRow:
    """End an offer now (a scheduled one never starts). Recharges it gave keep their
    bonus; the offer stays in the list as ended."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        rule = s.get(RechargeRule, rule_id) if type(rule_id) is int else None
        if rule is None:
            raise NotFoundError("rule_not_found", key=rule_id)
        now = clock.now()
        if _state(rule, now) == "ended":
            raise ValidationError("rule_already_ended", name=rule.name)
        before = rule.valid_to
        rule.active = False
        if rule.valid_to is None or rule.valid_to > now:
            rule.valid_to = max(now, rule.valid_from or now)
        audit.record(s, action="recharge_rule.end", staff_id=actor.staff_id,
                     entity="recharge_rule", entity_id=rule.id,
                     detail={"active": [True, False], "valid_to": [before, rule.valid_to]})
        s.flush()
        row = _rows(s, [rule])[0]
        uow.commit()
    return row


POINTS_KEYS = (
    "points.earn_per_yuan", "points.earn_base", "points.expiry_policy", "points.validity_days",
    "points.redeem_points_per_yuan", "points.redeem_min_points", "points.redeem_max_percent",
    "points.reminder_days", "points.expiring_soon_days",
)


@dataclass(frozen=True)
class LoyaltyRules:
    """What the back office's rules page shows: every tier, offer and coupon template,
    the categories a coupon may be for, and the points settings (whose one home is
    the settings catalogue: the page shows them and links to the settings page)."""

    tiers: tuple[Any, ...]  # tiers_admin.TierRow
    offers: tuple[RechargeOfferRow, ...]
    templates: tuple[Any, ...]  # coupons_admin.CouponTemplateRow
    categories: tuple[tuple[str, str], ...]  # (code, name)
    points: tuple[tuple[str, Any], ...]  # (setting key, value), POINTS_KEYS in order
    # (code, name, points per yuan or None for the shop's rate), every category
    category_rates: tuple[tuple[str, str, int | None], ...] = ()


def loyalty_rules(db: Database) -> LoyaltyRules:
    from memberdesk.models import Category
    from memberdesk.services.coupons.admin import list_coupon_templates
    from memberdesk.services.loyalty.tiers_admin import list_tier_rows

    with db.reader() as uow:
        s = uow.session
        values = settings.all_settings(s)
        rates = tuple((str(c), str(n), r) for c, n, r in s.execute(
            select(Category.code, Category.name, Category.points_per_yuan)
            .order_by(Category.code)))
    return LoyaltyRules(tuple(list_tier_rows(db)), tuple(list_recharge_offers(db)),
                        tuple(list_coupon_templates(db)), tuple((c, n) for c, n, _ in rates),
                        tuple((k, values[k]) for k in POINTS_KEYS), rates)


def set_category_points(db: Database, actor: Actor, code: str, points_per_yuan: int | None
                        ) -> tuple[str, int | None]:  # fmt: skip
    """A category's own points earning rate (points per yuan paid on its products and
    its sub-categories'), or None for the shop's ``points.earn_per_yuan``. Applies to
    sales from now on (points already earned stay). Owner only; audited old -> new."""
    from memberdesk.domain.points import MAX_EARN_PER_YUAN
    from memberdesk.models import Category

    if points_per_yuan is not None and (
            type(points_per_yuan) is not int or not 0 <= points_per_yuan <= MAX_EARN_PER_YUAN):
        raise ValidationError("category_points_range", max=MAX_EARN_PER_YUAN)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        cat = s.scalar(select(Category).where(Category.code == (code or "").strip()))
        if cat is None:
            raise NotFoundError("category_not_found", key=code)
        if cat.points_per_yuan != points_per_yuan:
            audit.record(s, action="category.points", staff_id=actor.staff_id,
                         entity="category", entity_id=cat.code,
                         detail={"points_per_yuan": [cat.points_per_yuan, points_per_yuan]})
            cat.points_per_yuan = points_per_yuan
        result = (cat.code, cat.points_per_yuan)
        uow.commit()
    return result
