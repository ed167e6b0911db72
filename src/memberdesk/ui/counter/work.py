"""The counter's jobs: what runs on the task runner's worker for the main counter.

Each job takes the database (and the acting staff member), calls the services and
returns a frozen DTO the GUI thread can read without touching the database. This
module imports the services; window code reaches it only through
:func:`.jobs.job`, so it loads on the worker, never at start-up.

SQLite failures a person can act on become user errors here: a database held by
another program (``database is locked`` after the busy timeout) and a full disk.
Nothing was written in either case: the unit of work rolled back.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.exc import OperationalError

from memberdesk.db import Database
from memberdesk.db.errors import BUSY, DISK_FULL, storage_problem
from memberdesk.domain.discounts import ManualDiscount
from memberdesk.domain.points import ExpiryNotice
from memberdesk.hardware.uid import uid_candidates
from memberdesk.models.enums import TenderKind
from memberdesk.services.analytics import recommend_read
from memberdesk.services.analytics.member import MemberAnalytics, member_analytics
from memberdesk.services.analytics.recommend_read import Suggestion, member_suggestions
from memberdesk.services.backup import create as backup
from memberdesk.services.catalog import products as catalog, search as product_search
from memberdesk.services.catalog.products import ProductInfo
from memberdesk.services.catalog.search import ProductSearch
from memberdesk.services.checkout import cart, sale as checkout
from memberdesk.services.checkout.coupon_choices import CouponChoice, coupon_choices
from memberdesk.services.checkout.sale import CheckoutRequest, CheckoutResult
from memberdesk.services.coupons import core as coupons
from memberdesk.services.coupons.core import CouponInfo
from memberdesk.services.loyalty.birthday import BirthdayNotice, recent_gift
from memberdesk.services.loyalty.signin import signed_in_on
from memberdesk.services.loyalty.tier_moves import TierNotice, recent_change
from memberdesk.services.members import details as member_details, lookup
from memberdesk.services.members.details import MemberDetail
from memberdesk.services.members.lookup import LookupOutcome, LookupResult
from memberdesk.services.points.expiry import MemberExpiry, member_expiry
from memberdesk.services.pricing.prices import PriceBreakdown
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shared import clock, settings as settings_svc
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError
from memberdesk.services.shared.phones import is_phone
from memberdesk.services.shifts import shift as shifts_svc
from memberdesk.services.shifts.shift import ShiftSummary
from memberdesk.ui.counter.cart_model import CartItem
from memberdesk.ui.counter.errors import CounterError
from memberdesk.ui.counter.payment_flow import PaymentOrder

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


_COUNTER_CODES = {BUSY: "database_busy", DISK_FULL: "disk_full"}


def _sqlite_problem(exc: BaseException) -> str | None:
    """The counter's text for a storage problem met outside a unit of work (inside one
    the unit of work already raised a ``StorageError``); one recogniser for both."""
    problem = storage_problem(exc)
    return None if problem is None else _COUNTER_CODES[problem]


def user_facing(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn 'database is locked' and 'disk full' into :class:`CounterError`."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except (OperationalError, sqlite3.OperationalError, OSError) as exc:
            code = _sqlite_problem(exc)
            if code is None:
                raise
            log.warning("%s: %s", fn.__name__, exc)
            raise CounterError(code) from exc

    return run


# -- the session -------------------------------------------------------------------------


@dataclass(frozen=True)
class CounterSettings:
    wedge_max_interval_ms: int = 30
    wedge_min_length: int = 8
    plain_amount_confirm_fen: int = 50_000
    require_payment_password: bool = False
    paper_mm: int = 58
    expiring_soon_days: int = 30
    printer: str = ""  # printer.connection (MEMBERDESK_PRINTER overrides it)
    open_drawer: bool = False
    spend_order: str = "bonus_first"  # stored_value.spend_order, as ledger splits a payment
    tick_best_coupon: bool = False  # checkout.tick_best_coupon


@dataclass(frozen=True)
class BackupInfo:
    last_good_at: Any  # datetime | None
    age_seconds: float | None
    stale: bool


@dataclass(frozen=True)
class SessionInfo:
    settings: CounterSettings
    shift: ShiftSummary | None


def _counter_settings(values: dict[str, Any]) -> CounterSettings:
    return CounterSettings(
        wedge_max_interval_ms=int(values["reader.wedge_max_interval_ms"]),
        wedge_min_length=int(values["reader.wedge_min_length"]),
        plain_amount_confirm_fen=int(values["checkout.plain_amount_confirm_fen"]),
        require_payment_password=bool(values["stored_value.require_password"]),
        paper_mm=int(values["receipt.paper_mm"]),
        expiring_soon_days=int(values["points.expiring_soon_days"]),
        printer=str(values["printer.connection"]),
        open_drawer=bool(values["printer.open_drawer"]),
        spend_order=str(values["stored_value.spend_order"]),
        tick_best_coupon=bool(values["checkout.tick_best_coupon"]),
    )


@user_facing
def session_info(db: Database, actor: Actor) -> SessionInfo:
    """What the counter needs once a staff member logs in."""
    values = settings_svc.read_settings(db)
    return SessionInfo(_counter_settings(values), shifts_svc.current_shift(db, actor))


@user_facing
def current_shift(db: Database, actor: Actor) -> ShiftSummary | None:
    return shifts_svc.current_shift(db, actor)


@user_facing
def backup_info(db: Database) -> BackupInfo | None:
    if db.paths is None:
        return None
    status = backup.backup_status(db)
    age = status.age.total_seconds() if status.age is not None else None
    return BackupInfo(status.last_good_at, age, status.stale)


# -- members -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberView:
    """A member as the counter shows them."""

    detail: MemberDetail
    coupons: tuple[CouponInfo, ...]
    points_expiring: int  # within ``expiring_days`` (today included)
    expiring_days: int
    next_expiry: date | None
    today: date  # the shop's business date
    expiry_notice: ExpiryNotice | None = None  # points.reminder_days before a lot expires
    analytics: MemberAnalytics | None = None  # grade, lifecycle, churn (None: never refreshed)
    tier_notice: TierNotice | None = None  # an upgrade or downgrade of the last 30 days
    birthday_gift: BirthdayNotice | None = None  # the birthday gift, within 30 days
    signed_in: bool = False  # signed in (签到) on today's business date
    suggestions: tuple[Suggestion, ...] = ()  # regular products due (most overdue first)

    @property
    def member_no(self) -> str:
        return self.detail.member_no


@dataclass(frozen=True)
class _Notices:
    expiry: MemberExpiry
    today: date
    tier: TierNotice | None
    gift: BirthdayNotice | None
    analytics: MemberAnalytics | None
    signed_in: bool
    suggestions: tuple[Suggestion, ...]


def _notices(db: Database, member_id: int) -> _Notices:
    """Points expiring soon and the reminder, by the rule the receipt and the points
    report share (:mod:`memberdesk.services.points.expiry`); a recent tier change
    (:mod:`memberdesk.services.loyalty.tier_moves`) and birthday gift
    (:mod:`memberdesk.services.loyalty.birthday`); the member's analytics (one primary-key
    read of ``member_scores``) and due products (one read of their
    ``member_recommendations`` rows). One read transaction."""
    with db.reader() as uow:
        s = uow.session
        today = clock.business_date(s, clock.now())
        return _Notices(member_expiry(s, member_id, today), today,
                        recent_change(s, member_id, today), recent_gift(s, member_id, today),
                        member_analytics(s, member_id), signed_in_on(s, member_id, today),
                        member_suggestions(s, member_id))


def _member_view(db: Database, actor: Actor, member_no: str) -> MemberView:
    detail = member_details.get_member(db, actor, member_no)
    usable = tuple(coupons.member_coupons(db, detail.id))
    n = _notices(db, detail.id)
    exp = n.expiry
    return MemberView(detail, usable, exp.expiring, exp.expiring_days, exp.next_expiry, n.today,
                      exp.notice, analytics=n.analytics, tier_notice=n.tier,
                      birthday_gift=n.gift, signed_in=n.signed_in, suggestions=n.suggestions)


member_view = user_facing(_member_view)


@dataclass(frozen=True)
class Found:
    """What a lookup or a scan found: a member (with the view), a pick list or a
    blocked/unknown card (``result``), or a product (scans only)."""

    result: LookupResult | None = None
    view: MemberView | None = None
    product: ProductInfo | None = None


def _with_view(db: Database, actor: Actor, result: LookupResult) -> Found:
    hit = result.member
    if hit is None and result.outcome is LookupOutcome.PICK and len(result.members) == 1:
        hit = result.members[0]
    if hit is None:  # zs: 张三 the one whose initials are zs (李张三's only end so)
        hit = lookup.sole_leading_match(result)
    view = _member_view(db, actor, hit.member_no) if hit is not None else None
    return Found(result, view)


@user_facing
def find_member(db: Database, actor: Actor, text: str) -> Found:
    """The one lookup, for text typed into the lookup field."""
    return _with_view(db, actor, lookup.lookup(db, actor, text))


@user_facing
def scan(db: Database, actor: Actor, text: str, *, product_first: bool) -> Found:
    """A card presented (PC/SC) or a fast burst from a keyboard-wedge reader or a
    barcode scanner. In the product field a product is tried first; otherwise the
    card first, then a product with that barcode, then, for a mobile number, the
    member with that phone (a scan into the lookup field: a phone typed or pasted as
    fast as a reader types is not taken for an unknown card)."""
    candidates = uid_candidates(text)
    if product_first:
        try:
            return Found(product=catalog.find_product(db, text))
        except NotFoundError:
            if not candidates:
                raise  # no product and no card either: "no product ..."
    result = lookup.identify_card(db, text)
    if result.outcome is LookupOutcome.NOT_FOUND:
        if not product_first:
            try:
                return Found(product=catalog.find_product(db, text))
            except NotFoundError:
                pass
            if is_phone(text):  # a phone typed as fast as a reader: its member
                typed = lookup.lookup(db, actor, text)
                if typed.outcome is LookupOutcome.MEMBER:
                    return _with_view(db, actor, typed)
        if candidates:  # name the unknown card by its canonical UID
            result = replace(result, card_uid=candidates[0])
    return _with_view(db, actor, result)


@user_facing
def search_products(db: Database, text: str) -> ProductSearch:
    """What was typed into the scan field: a code, a barcode, a name, initials."""
    return product_search.search_products(db, text)


@user_facing
def cart_suggestions(db: Database, product_ids: Sequence[int]) -> tuple[Suggestion, ...]:
    """Products often bought with the cart's (:mod:`memberdesk.services.analytics.recommend_read`)."""
    return recommend_read.cart_suggestions(db, product_ids)


@user_facing
def product_with_code(db: Database, text: str) -> ProductInfo | None:
    """The product whose code or barcode is exactly ``text`` (a number typed as a
    plain amount), or None."""
    try:
        return catalog.find_product(db, text)
    except NotFoundError:
        return None


# -- selling -------------------------------------------------------------------------------


def cart_request(
    items: Sequence[CartItem], member_id: int | None, coupon_codes: Sequence[str] = (),
    order_discount: ManualDiscount | None = None,
) -> cart.CartRequest:
    lines = tuple(
        cart.CartLine(amount=item.unit_price, qty=item.qty, override=item.override,
                      discount=item.discount)
        if item.product_id is None
        else cart.CartLine(product_id=item.product_id, qty=item.qty, override=item.override,
                           discount=item.discount)
        for item in items
    )
    return cart.CartRequest(lines, member_id, tuple(coupon_codes), order_discount)


@user_facing
def quote(
    db: Database, actor: Actor, items: Sequence[CartItem], member_id: int | None,
    coupon_codes: Sequence[str] = (), order_discount: ManualDiscount | None = None,
) -> PriceBreakdown:
    return cart.quote(db, actor, cart_request(items, member_id, coupon_codes, order_discount))


@dataclass(frozen=True)
class PaymentStart:
    """Fresh figures for the payment dialog."""

    breakdown: PriceBreakdown
    view: MemberView | None
    shift: ShiftSummary | None
    settings: CounterSettings
    coupons: tuple[CouponChoice, ...] = ()  # the member's, best for this cart first


@user_facing
def start_payment(
    db: Database, actor: Actor, items: Sequence[CartItem], member_no: str | None,
    order_discount: ManualDiscount | None = None,
) -> PaymentStart:
    view = _member_view(db, actor, member_no) if member_no else None
    member_id = view.detail.id if view is not None else None
    request = cart_request(items, member_id, (), order_discount)
    breakdown = cart.quote(db, actor, request)
    choices = coupon_choices(db, actor, request, view.coupons) if view is not None else ()
    settings = _counter_settings(settings_svc.read_settings(db))
    return PaymentStart(breakdown, view, shifts_svc.current_shift(db, actor), settings, choices)


@dataclass(frozen=True)
class Paid:
    result: CheckoutResult
    view: MemberView | None  # the member afterwards (balances, coupons)


def checkout_request(order: PaymentOrder) -> CheckoutRequest:
    return CheckoutRequest(
        order.client_id,
        cart_request(order.items, order.member_id, order.coupon_codes, order.order_discount),
        tuple(TenderRequest(TenderKind(kind), amount) for kind, amount in order.tenders),
        order.password,
        order.approval_id,
    )


@user_facing
def pay(db: Database, actor: Actor, order: PaymentOrder) -> Paid:
    result = checkout.checkout(db, actor, checkout_request(order))
    member_no = order.member_no
    view = None
    if member_no:
        try:
            view = _member_view(db, actor, member_no)
        except NotFoundError:
            view = None
    return Paid(result, view)


# -- printing --------------------------------------------------------------------------------


def print_receipt(text: str, spec: dict[str, Any]) -> None:
    """Send receipt text to the printer (a device: worker only)."""
    from memberdesk.hardware.printer import PrinterError, PrinterTarget, print_text

    try:
        print_text(text, PrinterTarget(**spec), check_paper=True)
    except PrinterError as exc:
        if exc.code in ("unplugged", "no_paper"):
            raise CounterError(f"receipt_{exc.code}") from exc
        raise CounterError("print_failed", detail=exc.detail or exc.code) from exc
