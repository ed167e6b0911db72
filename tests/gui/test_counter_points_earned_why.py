"""After a sale the receipt dialog says why it earned its points (base × rate ×
multiplier: the tier), from the checkout's EarnWhy; by keys, both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memberdesk.money import Money
from memberdesk.services.points.earning import earn_points, earn_why
from memberdesk.services.pricing.prices import PricedLine

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_gold_member_is_told_why_the_sale_earned_its_points(till: Till, lang: str) -> None:
    till.ui.i18n.set_language(lang)
    till.find("13800000002")  # 李四, gold: ×1.5
    till.ring_up("COLA", "COLA")  # ¥3.00 each at the member price
    till.press(Qt.Key.Key_Return, till.pay_key())  # cash, exact
    [sale] = till.sales()
    receipt = till.receipt
    assert receipt is not None and sale.points_earned == 9  # ¥6.00 × 1 × 1.5
    assert receipt.earned_why.isVisible()
    assert receipt.earned_why.text() == (
        "积分 +9（¥6.00 × 每元 1 分 × 1.5 倍，因金卡会员）" if lang == "zh_CN"
        else "Points +9 (¥6.00 × 1 per yuan × 1.5, for 金卡会员)")


def test_a_walk_in_sale_says_nothing_about_points(till: Till) -> None:
    till.ring_up("COLA")
    till.press(Qt.Key.Key_Return, till.pay_key())
    assert till.receipt is not None and not till.receipt.earned_why.isVisible()


def _line(net: int, ratio: int = 1000, rate: int | None = None) -> PricedLine:
    return PricedLine(1, 1, "X", "x", 1, Money(net), Money(net), (), Money(0), Money(net),
                      ratio, rate)


def test_earn_why_names_what_earn_points_used() -> None:
    lines = [_line(1000), _line(500, ratio=0)]
    why = earn_why(lines, Money(1500), 1, 1200, tier=("银卡会员", 1200))
    assert sum(earn_points(lines, Money(1500), 1, 1200)) == 12
    assert (why.base, why.per_yuan, why.multiplier_permille) == (Money(1500), 1, 1200)
    assert why.reduced and not why.category_rates and why.tier_name == "银卡会员"
    plain = earn_why([_line(1000, rate=3)], Money(1000), 1, 1000, tier=("普通会员", 1000))
    assert plain.category_rates and plain.tier_name == "" and not plain.reduced


def test_earn_why_says_an_item_earns_more() -> None:
    """A product earning 200% (精洗打蜡): the figures alone would give half the points."""
    lines = [_line(350), _line(8800, ratio=2000)]
    assert sum(earn_points(lines, Money(9150), 1, 1000)) == 179
    why = earn_why(lines, Money(9150), 1, 1000)
    assert why.raised and not why.reduced
    both = earn_why([_line(100, ratio=0), _line(100, ratio=1500)], Money(200), 1, 1000)
    assert both.raised and both.reduced


@pytest.mark.parametrize(("lang", "raised", "reduced", "expected"), [
    ("zh_CN", True, False, "积分 +179（¥91.50 × 每元 1 分；部分商品多积分）"),
    ("en", True, False, "Points +179 (¥91.50 × 1 per yuan; some items earn more)"),
    ("zh_CN", True, True, "积分 +179（¥91.50 × 每元 1 分；部分商品多积分，部分少积分或不积分）"),
    ("en", False, True, "Points +179 (¥91.50 × 1 per yuan; some items earn less)"),
])
def test_the_receipt_dialog_says_when_items_earn_more_or_less(
    ui, lang: str, raised: bool, reduced: bool, expected: str  # type: ignore[no-untyped-def]
) -> None:
    from memberdesk.services.points.earning import EarnWhy
    from memberdesk.ui.counter.earn_text import earned_text

    ui.i18n.set_language(lang)
    why = EarnWhy(Money(9150), 1, 1000, reduced=reduced, raised=raised)
    assert earned_text(179, why) == expected
