"""Coupons (优惠券): templates, issuing, and their use and restoration at checkout.

A coupon's ``status`` is a cache of its append-only events (issue, use, restore,
expire, void). Using one is a guarded update (``WHERE status = 'issued'``), so a
coupon can never be used twice, whatever the timing.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Coupon, CouponEvent, CouponTemplate, CouponTemplateScope, Member
from memberdesk.models.base import utcnow
from memberdesk.models.enums import CouponEventKind, CouponKind, CouponScope, CouponStatus
from memberdesk.money import Money
from memberdesk.services.pricing.prices import CouponRule
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.driver import run, send_later
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import check_amount, clean_text
from memberdesk.services.shared.tables import connection, sync, table

NO_END = datetime(2099, 12, 31, 23, 59, tzinfo=UTC)

ZERO = Money(0)


@dataclass(frozen=True)
class CouponTemplateDraft:
    code: str
    name: str
    kind: CouponKind
    value: Money = ZERO  # AMOUNT_OFF: amount off; FIXED_PRICE_ITEM: the item's price
    percent_permille: int = 1000  # PERCENT_OFF: what is paid, 800 = 8折
    max_discount: Money | None = None
    min_spend: Money = ZERO
    scope: CouponScope = CouponScope.ALL
    product_ids: tuple[int, ...] = ()
    category_ids: tuple[int, ...] = ()
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    valid_days: int | None = None
    valid_start_minute: int | None = None
    valid_end_minute: int | None = None
    stackable: bool = False
    per_member_limit: int | None = None
    total_limit: int | None = None


@dataclass(frozen=True)
class CouponInfo:
    id: int
    code: str
    template_id: int
    name: str
    kind: CouponKind
    member_id: int | None
    status: CouponStatus
    valid_from: datetime
    valid_to: datetime


def _problem(text: str) -> ValidationError:
    return ValidationError("coupon_template_invalid", problem=text)


def _check_template(d: CouponTemplateDraft) -> None:
    if not clean_text(d.code, 20) or not clean_text(d.name, 40):
        raise _problem("code and name are required")
    if d.kind is CouponKind.AMOUNT_OFF or d.kind is CouponKind.FIXED_PRICE_ITEM:
        check_amount(d.value, allow_zero=d.kind is CouponKind.FIXED_PRICE_ITEM)
    if d.kind is CouponKind.PERCENT_OFF and not 0 <= d.percent_permille < 1000:
        raise _problem("percent must be below 1000‰")
    check_amount(d.min_spend, allow_zero=True)
    if d.max_discount is not None:
        check_amount(d.max_discount)
    if d.scope is CouponScope.PRODUCT and not d.product_ids:
        raise _problem("a product coupon needs products")
    if d.scope is CouponScope.CATEGORY and not d.category_ids:
        raise _problem("a category coupon needs categories")
    if d.valid_from and d.valid_to and d.valid_from >= d.valid_to:
        raise _problem("valid_from must be before valid_to")
    if d.valid_days is not None and d.valid_days <= 0:
        raise _problem("valid_days must be positive")
    for m in (d.valid_start_minute, d.valid_end_minute):
        if m is not None and not 0 <= m < 1440:
            raise _problem("minutes of the day are 0–1439")
    for n in (d.per_member_limit, d.total_limit):
        if n is not None and n <= 0:
            raise _problem("limits must be positive")


def create_coupon_template(db: Database, actor: Actor, draft: CouponTemplateDraft) -> int:
    """Create a coupon template; returns its id."""
    _check_template(draft)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        t = CouponTemplate(
            code=clean_text(draft.code, 20), name=clean_text(draft.name, 40), kind=draft.kind,
            value=draft.value, percent_permille=draft.percent_permille,
            max_discount=draft.max_discount, min_spend=draft.min_spend, scope=draft.scope,
            valid_from=draft.valid_from, valid_to=draft.valid_to, valid_days=draft.valid_days,
            valid_start_minute=draft.valid_start_minute, valid_end_minute=draft.valid_end_minute,
            stackable=draft.stackable, per_member_limit=draft.per_member_limit,
            total_limit=draft.total_limit,
        )
        s.add(t)
        s.flush()
        for pid in draft.product_ids:
            s.add(CouponTemplateScope(template_id=t.id, product_id=pid))
        for cid in draft.category_ids:
            s.add(CouponTemplateScope(template_id=t.id, category_id=cid))
        audit.record(s, action="coupon_template.create", staff_id=actor.staff_id,
                     entity="coupon_template", entity_id=t.code)
        template_id = t.id
        uow.commit()
    return template_id


def _info(c: Coupon, t: CouponTemplate) -> CouponInfo:
    return CouponInfo(c.id, c.code, t.id, t.name, t.kind, c.member_id, c.status,
                      c.valid_from, c.valid_to)


def _new_code(session: Session) -> str:
    while True:
        code = f"{secrets.randbelow(10**12):012d}"
        if session.scalar(select(Coupon.id).where(Coupon.code == code)) is None:
            return code


def new_codes(session: Session, n: int) -> list[str]:
    """``n`` coupon codes not yet used, checked in one statement per round (a
    campaign's batch) instead of one per code."""
    codes: set[str] = set()
    while len(codes) < n:
        fresh = {f"{secrets.randbelow(10**12):012d}" for _ in range(n - len(codes))} - codes
        taken = set(session.scalars(select(Coupon.code).where(Coupon.code.in_(fresh))))
        codes |= fresh - taken
    return sorted(codes)


def validity(template: CouponTemplate, at: datetime) -> tuple[datetime, datetime]:
    """The first and last moment of a coupon of ``template`` issued at ``at``."""
    valid_from = template.valid_from or at
    if template.valid_days is not None:
        valid_to = at + timedelta(days=template.valid_days)
        if template.valid_to is not None:
            valid_to = min(valid_to, template.valid_to)
    else:
        valid_to = template.valid_to or NO_END
    return valid_from, valid_to


def issue_in(
    session: Session,
    template: CouponTemplate,
    member_id: int | None,
    staff_id: int | None,
    at: datetime,
    *,
    recharge_id: int | None = None,
) -> Coupon:
    """Issue one coupon of ``template`` in the caller's transaction."""
    valid_from, valid_to = validity(template, at)
    coupon = Coupon(code=_new_code(session), template_id=template.id, member_id=member_id,
                    valid_from=valid_from, valid_to=valid_to, issued_at=at)
    session.add(coupon)
    session.flush()
    session.add(CouponEvent(coupon_id=coupon.id, kind=CouponEventKind.ISSUE,
                            status_after=CouponStatus.ISSUED, recharge_id=recharge_id,
                            staff_id=staff_id, created_at=at))
    return coupon


def issue_coupons(
    db: Database, actor: Actor, template_id: int, member_id: int | None, count: int = 1
) -> list[CouponInfo]:
    if type(count) is not int or not 1 <= count <= 1000:
        raise ValidationError("invalid_qty", qty=count, max=1000)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        t = s.get(CouponTemplate, template_id)
        if t is None or not t.active:
            raise NotFoundError("coupon_template_not_found", key=template_id)
        if member_id is not None and s.get(Member, member_id) is None:
            raise NotFoundError("member_not_found", key=member_id)
        at = clock.now()
        issued = [issue_in(s, t, member_id, actor.staff_id, at) for _ in range(count)]
        s.flush()
        result = [_info(c, t) for c in issued]
        audit.record(s, action="coupon.issue", staff_id=actor.staff_id, entity="coupon_template",
                     entity_id=t.code, detail={"member_id": member_id, "count": count})
        uow.commit()
    return result


def member_coupons(db: Database, member_id: int, *, usable_only: bool = True) -> list[CouponInfo]:
    """A member's coupons (usable ones: issued and within their dates)."""
    with db.reader() as uow:
        s = uow.session
        q = select(Coupon, CouponTemplate).join(CouponTemplate).where(Coupon.member_id == member_id)
        if usable_only:
            at = clock.now()
            q = q.where(Coupon.status == CouponStatus.ISSUED, Coupon.valid_from <= at,
                        Coupon.valid_to > at)
        return [_info(c, t) for c, t in s.execute(q.order_by(Coupon.valid_to, Coupon.id))]


def _in_time_window(start: int | None, end: int | None, minute: int) -> bool:
    if start is None or end is None:
        return True
    return start <= minute < end if start <= end else (minute >= start or minute < end)


@dataclass(frozen=True)
class _Scanned:
    """A scanned coupon and what its template says (one joined row)."""

    id: int
    code: str
    member_id: int | None
    status: CouponStatus
    valid_from: datetime
    valid_to: datetime
    template_id: int
    name: str
    kind: CouponKind
    value: Money
    percent_permille: int
    max_discount: Money | None
    min_spend: Money
    scope: CouponScope
    stackable: bool
    active: bool
    valid_start_minute: int | None
    valid_end_minute: int | None
    per_member_limit: int | None
    total_limit: int | None


_COUPONS, _TEMPLATES = table(Coupon), table(CouponTemplate)
_SCOPES, _EVENTS = table(CouponTemplateScope), table(CouponEvent)
_SCANNED = select(
    _COUPONS.c.id, _COUPONS.c.code, _COUPONS.c.member_id, _COUPONS.c.status,
    _COUPONS.c.valid_from, _COUPONS.c.valid_to, _TEMPLATES.c.id.label("template_id"),
    _TEMPLATES.c.name, _TEMPLATES.c.kind, _TEMPLATES.c.value, _TEMPLATES.c.percent_permille,
    _TEMPLATES.c.max_discount, _TEMPLATES.c.min_spend, _TEMPLATES.c.scope,
    _TEMPLATES.c.stackable, _TEMPLATES.c.active, _TEMPLATES.c.valid_start_minute,
    _TEMPLATES.c.valid_end_minute, _TEMPLATES.c.per_member_limit, _TEMPLATES.c.total_limit,
).join_from(_COUPONS, _TEMPLATES).where(_COUPONS.c.code == bindparam("code"))
_SCOPE_TARGETS = select(_SCOPES.c.product_id, _SCOPES.c.category_id).where(
    _SCOPES.c.template_id == bindparam("template_id"))
_USED = select(func.count()).select_from(_COUPONS).where(
    _COUPONS.c.template_id == bindparam("template_id"), _COUPONS.c.status == CouponStatus.USED)
_USED_BY_MEMBER = _USED.where(_COUPONS.c.member_id == bindparam("member_id"))
_MOVE = (
    update(_COUPONS)
    .where(_COUPONS.c.id == bindparam("coupon_id"), _COUPONS.c.status == bindparam("from_status"))
    .values(status=bindparam("to_status"))
)
_ADD_EVENT = insert(_EVENTS)


def _check_usable(
    conn: Connection, c: _Scanned, member_id: int | None, at: datetime, minute: int
) -> None:
    if c.status is CouponStatus.USED:
        raise ValidationError("coupon_used", coupon=c.code)
    if c.status is not CouponStatus.ISSUED or not c.active:
        raise ValidationError("coupon_void", coupon=c.code)
    if c.member_id is not None and c.member_id != member_id:
        raise ValidationError("coupon_foreign", coupon=c.code)
    if not c.valid_from <= at < c.valid_to:
        raise ValidationError("coupon_expired", coupon=c.code)
    if not _in_time_window(c.valid_start_minute, c.valid_end_minute, minute):
        raise ValidationError("coupon_wrong_time", coupon=c.code)
    template = {"template_id": c.template_id}
    if c.total_limit is not None and (conn.scalar(_USED, template) or 0) >= c.total_limit:
        raise ValidationError("coupon_limit_reached", coupon=c.code)
    if c.per_member_limit is not None and member_id is not None:
        mine = conn.scalar(_USED_BY_MEMBER, {**template, "member_id": member_id}) or 0
        if mine >= c.per_member_limit:
            raise ValidationError("coupon_limit_reached", coupon=c.code)


def _rule(conn: Connection, c: _Scanned) -> CouponRule:
    products: set[int] = set()
    categories: set[int] = set()
    if c.scope is not CouponScope.ALL:  # a coupon for everything ignores its targets
        for product_id, category_id in run(conn, _SCOPE_TARGETS, {"template_id": c.template_id}):
            if product_id is not None:
                products.add(product_id)
            if category_id is not None:
                categories.add(category_id)
    return CouponRule(
        c.id, c.code, c.name, c.kind, c.value, c.percent_permille, c.max_discount,
        c.min_spend, c.scope, frozenset(products), frozenset(categories), c.stackable,
    )


def load_rules(
    s: Session, codes: Sequence[str], member_id: int | None, at: datetime, local_minute: int
) -> list[CouponRule]:
    """Pricing rules for the coupons a cashier scanned, refusing unusable ones."""
    rules: list[CouponRule] = []
    seen: set[str] = set()
    conn = connection(s)
    for raw in codes:
        code = raw.strip().upper() if isinstance(raw, str) else ""
        if code in seen:
            raise ValidationError("coupon_duplicate", coupon=code)
        seen.add(code)
        row = run(conn, _SCANNED, {"code": code}).first()
        if row is None:
            raise NotFoundError("coupon_not_found", coupon=code or raw)
        scanned = _Scanned(**row._mapping)
        _check_usable(conn, scanned, member_id, at, local_minute)
        rules.append(_rule(conn, scanned))
    return rules


def _move(s: Session, coupon_id: int, frm: CouponStatus, to: CouponStatus) -> bool:
    done = run(connection(s), _MOVE, {"coupon_id": coupon_id, "from_status": frm, "to_status": to})
    return bool(done.rowcount == 1)


def _event(s: Session, coupon_id: int, kind: CouponEventKind, after: CouponStatus,
           staff_id: int, at: datetime, *, sale_id: int | None = None,
           refund_id: int | None = None) -> None:
    send_later(s.connection(), _ADD_EVENT, [{
        "coupon_id": coupon_id, "kind": kind, "status_after": after, "sale_id": sale_id,
        "recharge_id": None, "refund_id": refund_id, "staff_id": staff_id, "created_at": at}])


def use_in(s: Session, coupon_id: int, code: str, sale_id: int, staff_id: int) -> None:
    """Mark a coupon used by a sale; refuses one that is no longer issued."""
    if not _move(s, coupon_id, CouponStatus.ISSUED, CouponStatus.USED):
        raise ValidationError("coupon_used", coupon=code)
    sync(s, Coupon, coupon_id, status=CouponStatus.USED)
    _event(s, coupon_id, CouponEventKind.USE, CouponStatus.USED, staff_id, clock.now(),
           sale_id=sale_id)


def restore_in(s: Session, coupon_id: int, sale_id: int, refund_id: int, staff_id: int) -> bool:
    """Give a used coupon back after its sale was refunded; False if it was not used."""
    if not _move(s, coupon_id, CouponStatus.USED, CouponStatus.ISSUED):
        return False
    sync(s, Coupon, coupon_id, status=CouponStatus.ISSUED)
    _event(s, coupon_id, CouponEventKind.RESTORE, CouponStatus.ISSUED, staff_id, utcnow(),
           sale_id=sale_id, refund_id=refund_id)
    return True


def void_in(s: Session, coupon_id: int, refund_id: int | None, staff_id: int) -> bool:
    """Void an unused coupon (e.g. the bonus of a refunded recharge)."""
    if not _move(s, coupon_id, CouponStatus.ISSUED, CouponStatus.VOID):
        return False
    sync(s, Coupon, coupon_id, status=CouponStatus.VOID)
    _event(s, coupon_id, CouponEventKind.VOID, CouponStatus.VOID, staff_id, utcnow(),
           refund_id=refund_id)
    return True
