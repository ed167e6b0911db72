"""The member's coupons for a cart, best first: each priced alone by the pricing (what
it saves), one that cannot apply last with the pricing's reason; the sale priced with
the suggested coupon takes off exactly what was suggested."""

from __future__ import annotations

from memberdesk.models.enums import CouponKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.checkout.cart import CartLine, CartRequest
from memberdesk.services.checkout.coupon_choices import (
    CouponChoice,
    applicable,
    best_choice,
    coupon_choices,
)
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
    member_coupons,
)
from tests.checkout_support.kit import World, yuan


def test_best_first_then_the_ones_that_cannot_apply(world: World) -> None:
    member = world.members["alice"]
    for code, name, kind, value, percent, min_spend in (
            ("C5", "满20减5", CouponKind.AMOUNT_OFF, "5", 1000, "20"),
            ("C30", "满100减30", CouponKind.AMOUNT_OFF, "30", 1000, "100"),
            ("P9", "九折券", CouponKind.PERCENT_OFF, "0", 900, "0")):
        template = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
            code, name, kind, yuan(value), percent_permille=percent, min_spend=yuan(min_spend)))
        issue_coupons(world.db, world.owner, template, member)
    cart = CartRequest((CartLine(product="CHIPS", qty=3),), member)  # 3 x ¥8.80 = ¥26.40
    choices = coupon_choices(world.db, world.cashier, cart, member_coupons(world.db, member))
    assert [(c.name, c.saving) for c in choices] == [
        ("满20减5", yuan("5")), ("九折券", Money(264)), ("满100减30", None)]
    assert choices[2].problem is not None and choices[2].problem.code == "coupon_min_spend"
    assert best_choice(choices) is choices[0] and applicable(choices) == choices[:2]
    best = choices[0].code
    sale = world.sell([("CHIPS", 3)], [(TenderKind.CASH, "21.40")], member="alice",
                      coupons=(best,))
    assert sale.payable == yuan("26.40") - choices[0].saving  # what was suggested


def test_the_best_choice_is_none_when_no_coupon_applies() -> None:
    """The one rule the payment dialog's notice, Shift+F7 and checkout.tick_best_coupon
    share: the first that applies (the list is best first), none when none does."""
    nothing = CouponChoice("C30", "满100减30", None)
    assert best_choice(()) is None and best_choice((nothing,)) is None
    five = CouponChoice("C5", "满20减5", yuan("5"))
    assert best_choice((five, nothing)) is five
