"""Coupon templates (优惠券) as the owner sets them up, and issuing one to a member.

A template carries every condition the pricing (:mod:`.pricing`) and the coupon
check at the till (:mod:`.coupons`) already honour: amount off (满减), percent off
(折扣券, with an optional largest discount) or one item at a fixed price (特价券);
a minimum spend; all goods, some categories or some products; fixed dates and/or a
number of days from issue; hours of the day; whether it combines with other
coupons; limits per member and in all.

Only the owner adds or deactivates a template (``MANAGE_LOYALTY_RULES``); a manager
or the owner issues coupons (``MANAGE_PROMOTIONS``, as :func:`.coupons.issue_coupons`),
to a member named by their whole phone number, card or member number. Every change
is audited. Messages are in both languages (the older ``create_coupon_template``
answers a bad template in English only; this module is what the window and the
command line use).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.models import (
    Category,
    Coupon,
    CouponTemplate,
    CouponTemplateScope,
    Member,
    Product,
    RechargeRule,
)
from memberdesk.models.enums import CouponKind, CouponScope, CouponStatus, MemberStatus
from memberdesk.money import Money
from memberdesk.services.coupons import core as coupons
from memberdesk.services.members.details import may_unmask
from memberdesk.services.members.lookup import LookupOutcome, MatchKind, lookup_in
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import Localized, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import check_amount, clean_text

ZERO = Money(0)
MAX_DAYS = 3650
MAX_LIMIT = 1_000_000
MAX_ISSUE = 100
TEMPLATE_CODE = re.compile(r"^[A-Za-z0-9_./-]{1,20}$")
HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–~至到]\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class CouponTemplateRequest:
    """A template as the owner types it; categories and products by code, dates in
    the shop's calendar (``last_day`` included), hours as ``"14:00-17:00"``."""

    code: str
    name: str
    kind: CouponKind
    value: Money = ZERO  # amount off, or the item's fixed price
    percent_paid: int = 0  # percent off: the share paid in permille, 800 = 8折
    max_discount: Money | None = None
    min_spend: Money = ZERO
    categories: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    first_day: date | None = None
    last_day: date | None = None
    valid_days: int | None = None  # days from issue
    hours: str = ""  # "" for all day
    stackable: bool = False
    per_member_limit: int | None = None
    total_limit: int | None = None


@dataclass(frozen=True)
class CouponTemplateRow:
    id: int
    code: str
    name: str
    kind: CouponKind
    value: Money
    percent_paid: int
    max_discount: Money | None
    min_spend: Money
    scope: CouponScope
    targets: tuple[str, ...]  # category or product names
    first_day: date | None
    last_day: date | None
    valid_days: int | None
    hours: str
    stackable: bool
    per_member_limit: int | None
    total_limit: int | None
    active: bool
    issued: int
    used: int


@dataclass(frozen=True)
class IssuedCoupons:
    member_no: str
    member_name: str
    template_name: str
    codes: tuple[str, ...]
    valid_to: datetime


def parse_hours(text: str) -> tuple[int, int] | None:
    """``"14:00-17:00"`` -> minutes after midnight (840, 1020); ``""`` -> None. An end
    before the start runs past midnight (22:00-02:00)."""
    if not text.strip():
        return None
    m = HOURS.match(text)
    if m is None:
        raise ValidationError("template_time_window", text=text[:20])
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        raise ValidationError("template_time_window", text=text[:20])
    start, end = h1 * 60 + m1, (h2 * 60 + m2) % 1440
    if start == end:
        raise ValidationError("template_time_window", text=text[:20])
    return start, end


def hours_text(start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return ""
    return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"


def _count(s: Session, template_id: int, status: CouponStatus | None = None) -> int:
    q = select(func.count(Coupon.id)).where(Coupon.template_id == template_id)
    if status is not None:
        q = q.where(Coupon.status == status)
    return int(s.scalar(q) or 0)


def _row(s: Session, t: CouponTemplate) -> CouponTemplateRow:
    offset = clock.offset_minutes(s)
    names: list[str] = []
    for scope in s.scalars(select(CouponTemplateScope).where(
            CouponTemplateScope.template_id == t.id).order_by(CouponTemplateScope.id)):
        if scope.category_id is not None:
            names.append(s.scalar(select(Category.name).where(
                Category.id == scope.category_id)) or "?")
        elif scope.product_id is not None:
            names.append(s.scalar(select(Product.name).where(
                Product.id == scope.product_id)) or "?")
    last = t.valid_to - timedelta(microseconds=1) if t.valid_to is not None else None
    return CouponTemplateRow(
        t.id, t.code, t.name, t.kind, t.value, t.percent_permille, t.max_discount, t.min_spend,
        t.scope, tuple(names),
        shoptime.business_date(t.valid_from, offset) if t.valid_from else None,
        shoptime.business_date(last, offset) if last else None,
        t.valid_days, hours_text(t.valid_start_minute, t.valid_end_minute), t.stackable,
        t.per_member_limit, t.total_limit, t.active,
        _count(s, t.id), _count(s, t.id, CouponStatus.USED))


def list_coupon_templates(db: Database) -> list[CouponTemplateRow]:
    """Every template, active ones first, by code."""
    with db.reader() as uow:
        s = uow.session
        rows = [_row(s, t) for t in s.scalars(select(CouponTemplate).order_by(
            CouponTemplate.active.desc(), CouponTemplate.code))]
    return rows


def _template(s: Session, key: str) -> CouponTemplate:
    key = (key or "").strip()
    t = s.scalar(select(CouponTemplate).where(CouponTemplate.code == key)) or s.scalar(
        select(CouponTemplate).where(CouponTemplate.name == key))
    if t is None:
        raise NotFoundError("template_not_found", key=key)
    return t


def _limit(value: int | None, field: Localized) -> int | None:
    if value is None:
        return None
    if type(value) is not int or not 1 <= value <= MAX_LIMIT:
        raise ValidationError("template_limit_range", field=field, max=MAX_LIMIT)
    return value


def _targets(s: Session, model: type[Category] | type[Product], keys: tuple[str, ...]
             ) -> list[int]:  # fmt: skip
    ids: list[int] = []
    for key in keys:
        key = clean_text(key, 80)
        if not key:
            continue
        found = s.scalar(select(model.id).where(model.code == key)) or s.scalar(
            select(model.id).where(model.name == key))
        if found is None:
            raise NotFoundError("category_not_found" if model is Category
                                else "product_not_found", key=key)
        if found not in ids:
            ids.append(found)
    return ids


def _check_kind(r: CouponTemplateRequest) -> tuple[Money, int, Money | None]:
    """(value, percent_permille, max_discount) for the kind, checked."""
    min_spend = check_amount(r.min_spend, allow_zero=True)
    max_discount = check_amount(r.max_discount) if r.max_discount is not None else None
    if r.kind is CouponKind.AMOUNT_OFF:
        if not r.value:
            raise ValidationError("template_value_required", field=Localized("减免金额",
                                                                            "the amount off"))
        value = check_amount(r.value)
        if min_spend and value > min_spend:
            raise ValidationError("template_off_above_min", value=value.display(),
                                  min_spend=min_spend.display())
        return value, 1000, None
    if r.kind is CouponKind.PERCENT_OFF:
        p = r.percent_paid
        if type(p) is not int or not 1 <= p <= 990:
            shown = f"{p / 10:g}%" if isinstance(p, int) else str(p)
            raise ValidationError("template_percent_range", value=shown)
        return ZERO, p, max_discount
    if r.kind is CouponKind.FIXED_PRICE_ITEM:
        return check_amount(r.value, allow_zero=True), 1000, None
    raise ValidationError("invalid_field", field=Localized("券类型", "coupon kind"),
                          problem=str(r.kind))


def add_coupon_template(db: Database, actor: Actor, request: CouponTemplateRequest
                        ) -> CouponTemplateRow:  # fmt: skip
    code = clean_text(request.code, 40).upper()
    name = clean_text(request.name, 80)
    if not code:
        raise ValidationError("required_field", field=Localized("券编号", "coupon code"))
    if not TEMPLATE_CODE.match(code):
        raise ValidationError("code_bad_chars", field=Localized("券编号", "coupon code"))
    if not name:
        raise ValidationError("required_field", field=Localized("券名称", "coupon name"))
    if len(name) > 40:
        raise ValidationError("field_too_long", field=Localized("券名称", "coupon name"), max=40)
    value, percent, max_discount = _check_kind(request)
    if request.kind is CouponKind.FIXED_PRICE_ITEM and not request.products:
        raise ValidationError("template_scope_empty", what=Localized("商品", "products"))
    first, last = request.first_day, request.last_day
    if first is not None and last is not None and last < first:
        raise ValidationError("rule_dates_reversed", start=first.isoformat(), end=last.isoformat())
    days = request.valid_days
    if days is not None and (type(days) is not int or not 1 <= days <= MAX_DAYS):
        raise ValidationError("template_days_range", max=MAX_DAYS)
    hours = parse_hours(request.hours)
    per_member = _limit(request.per_member_limit, Localized("每人限用", "Uses per member"))
    total = _limit(request.total_limit, Localized("总共限用", "Uses in all"))
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        taken = s.scalar(select(CouponTemplate).where(CouponTemplate.code == code))
        if taken is not None:
            raise ValidationError("template_code_taken", item=code, name=taken.name)
        if last is not None and last < clock.today(s):
            raise ValidationError("rule_ends_in_past", end=last.isoformat())
        product_ids = _targets(s, Product, request.products)
        category_ids = [] if product_ids else _targets(s, Category, request.categories)
        scope = (CouponScope.PRODUCT if product_ids
                 else CouponScope.CATEGORY if category_ids else CouponScope.ALL)
        offset = clock.offset_minutes(s)
        t = CouponTemplate(
            code=code, name=name, kind=request.kind, value=value, percent_permille=percent,
            max_discount=max_discount, min_spend=request.min_spend, scope=scope,
            valid_from=shoptime.start_of_day(first, offset) if first else None,
            valid_to=shoptime.start_of_day(last + timedelta(days=1), offset) if last else None,
            valid_days=days, valid_start_minute=hours[0] if hours else None,
            valid_end_minute=hours[1] if hours else None, stackable=bool(request.stackable),
            per_member_limit=per_member, total_limit=total, active=True)
        s.add(t)
        s.flush()
        for pid in product_ids:
            s.add(CouponTemplateScope(template_id=t.id, product_id=pid))
        for cid in category_ids:
            s.add(CouponTemplateScope(template_id=t.id, category_id=cid))
        s.flush()
        row = _row(s, t)
        audit.record(s, action="coupon_template.create", staff_id=actor.staff_id,
                     entity="coupon_template", entity_id=code, detail={
                         "name": name, "kind": str(request.kind), "value": value.fen,
                         "percent_permille": percent, "min_spend": request.min_spend.fen,
                         "max_discount": max_discount.fen if max_discount else None,
                         "scope": str(scope), "targets": list(row.targets),
                         "first_day": first.isoformat() if first else None,
                         "last_day": last.isoformat() if last else None, "valid_days": days,
                         "hours": row.hours, "stackable": row.stackable,
                         "per_member_limit": per_member, "total_limit": total})
        uow.commit()
    return row


def set_coupon_template_active(db: Database, actor: Actor, key: str, active: bool
                               ) -> CouponTemplateRow:  # fmt: skip
    """Deactivate a template (no more issued; coupons already issued can no longer be
    used: the till calls them void) or bring it back. Refused while a running recharge
    offer gives it."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        t = _template(s, key)
        if t.active == active:
            raise ValidationError("template_already", name=t.name,
                                  state_zh="启用" if active else "停用",
                                  state_en="active" if active else "deactivated")
        if not active:
            rule = s.scalar(select(RechargeRule.name).where(
                RechargeRule.coupon_template_id == t.id, RechargeRule.active.is_(True),
            ).limit(1))
            if rule is not None:
                raise ValidationError("template_in_rules", rule=rule)
        t.active = active
        audit.record(s, action="coupon_template.activate" if active
                     else "coupon_template.deactivate", staff_id=actor.staff_id,
                     entity="coupon_template", entity_id=t.code,
                     detail={"active": [not active, active]})
        s.flush()
        row = _row(s, t)
        uow.commit()
    return row


def issuable_template(s: Session, key: str) -> CouponTemplate:
    """The template ``key`` (code or name) if coupons of it may be given now: active
    and not past its last day (issuing one by hand and a campaign's run)."""
    t = _template(s, key)
    if not t.active:
        raise ValidationError("template_inactive", name=t.name)
    at = clock.now()
    if t.valid_to is not None and t.valid_to <= at:
        last = shoptime.business_date(t.valid_to - timedelta(microseconds=1),
                                      clock.offset_minutes(s))
        raise ValidationError("template_expired", name=t.name, end=last.isoformat())
    return t


def _member(s: Session, actor: Actor, text: str) -> Member:
    found = lookup_in(s, text, unmasked=may_unmask(s, actor), limit=2)
    if found.outcome in (LookupOutcome.CARD_LOST, LookupOutcome.CARD_REPLACED,
                         LookupOutcome.CARD_VOID):
        raise ValidationError("member_card_blocked", text=clean_text(text, 40))
    hit = found.member
    if hit is None or found.matched_by not in (MatchKind.CARD, MatchKind.PHONE,
                                               MatchKind.MEMBER_NO):
        if found.outcome is LookupOutcome.NOT_FOUND:
            raise NotFoundError("member_not_found", key=clean_text(text, 40))
        raise ValidationError("member_not_exact", text=clean_text(text, 40))
    member = s.get(Member, hit.id)
    if member is None:
        raise NotFoundError("member_not_found", key=clean_text(text, 40))
    if member.status is not MemberStatus.ACTIVE:
        raise ValidationError("member_inactive", member_no=member.member_no)
    return member


def issue_coupon(db: Database, actor: Actor, template: str, member: str, count: int = 1,
                 *, approval_id: int | None = None) -> IssuedCoupons:  # fmt: skip
    """Give ``count`` coupons of ``template`` (code or name) to the member ``member``
    (their whole phone number, card or member number). A cashier needs a manager's
    one-time approval (``approval_id``); the approver is written into the audit row."""
    if type(count) is not int or not 1 <= count <= MAX_ISSUE:
        raise ValidationError("invalid_qty", qty=count, max=MAX_ISSUE)
    with db.uow() as uow:
        s = uow.session
        approver_id = require(s, actor, Permission.MANAGE_PROMOTIONS, approval_id=approval_id)
        t = issuable_template(s, template)
        at = clock.now()
        m = _member(s, actor, member)
        issued = [coupons.issue_in(s, t, m.id, actor.staff_id, at) for _ in range(count)]
        s.flush()
        audit.record(s, action="coupon.issue", staff_id=actor.staff_id, approver_id=approver_id,
                     entity="coupon_template", entity_id=t.code,
                     detail={"member": m.member_no, "count": count,
                             "coupons": [c.code for c in issued]})
        result = IssuedCoupons(m.member_no, m.name, t.name, tuple(c.code for c in issued),
                               issued[0].valid_to)
        uow.commit()
    return result
