"""The member's coupons for the cart on the counter, best first: the payment dialog
suggests them so the cashier can pick one with one key.

Each coupon is priced alone on the cart by the pricing's own rule (the cart as the
checkout prices it, :func:`memberdesk.services.checkout.cart.load_cart`: the coupon's checks
in ``coupons.load_rules``, its discount in ``pricing.price_cart``); what it saves is
the coupon discount that pricing books. One that cannot apply comes last, with the
pricing's own reason (below the minimum spend, not for these products, …)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from memberdesk.db import Database
from memberdesk.money import Money
from memberdesk.services.checkout.cart import CartRequest, load_cart
from memberdesk.services.coupons.core import CouponInfo
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy


@dataclass(frozen=True)
class CouponChoice:
    code: str
    name: str
    saving: Money | None  # what it takes off this cart; None: it cannot apply
    problem: ValidationError | None = None  # why it cannot


def coupon_choices(db: Database, actor: Actor, cart: CartRequest,
                   coupons: Sequence[CouponInfo]) -> tuple[CouponChoice, ...]:
    """``coupons`` (the member's usable ones) for ``cart`` (without coupons): those that
    apply by what each saves, most first (equals in the order given: the soonest to
    expire first), then those that do not. One read transaction."""
    usable: list[CouponChoice] = []
    unusable: list[CouponChoice] = []
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        policy, at = Policy.load(s), clock.now()
        for c in coupons:
            try:
                bd = load_cart(s, replace(cart, coupon_codes=(c.code,)), at, policy).breakdown
            except ValidationError as exc:
                unusable.append(CouponChoice(c.code, c.name, None, exc))
                continue
            saving = Money(sum(d.amount.fen for d in bd.discounts if d.coupon_code == c.code))
            usable.append(CouponChoice(c.code, c.name, saving))
    usable.sort(key=lambda choice: -(choice.saving or Money(0)).fen)
    return tuple(usable + unusable)


def applicable(choices: Sequence[CouponChoice]) -> tuple[CouponChoice, ...]:
    """The choices that apply to the cart, best first."""
    return tuple(c for c in choices if c.saving is not None)


def best_choice(choices: Sequence[CouponChoice]) -> CouponChoice | None:
    """The coupon to suggest (and to tick, when ``checkout.tick_best_coupon`` says
    so): the one that saves most on this cart, the soonest to expire among equals;
    None when none applies. The one rule for "best": the payment dialog's notice,
    Shift+F7 and the shop's setting all take it from here."""
    found = applicable(choices)
    return found[0] if found else None
