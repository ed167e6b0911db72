"""商品's member-price fields say what an empty one means (issue 11, a blind trial: at
1024x768 in English they read "list" and "tier", meaningless to an owner). An empty
member price (not 0.00) is no member price: a member of the tier pays the list price
less the tier's discount (a discountable product), else the list price. The field
shows that amount greyed (the tier discount rounds down, as the counter's does:
``Money.percent``), or, with no price typed yet, "= price" / "−5%" ("同售价" / "减5%").
Each fits a member-price field's text room at 1024 pixels (about 73 pixels in its
15-point font); the tool tip says it in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

CONTEXT = "MemberPriceHint"
SAME = QT_TRANSLATE_NOOP("MemberPriceHint", "= price")
# "{off}": the percent off (5 for a tier that pays 95%)
OFF = QT_TRANSLATE_NOOP("MemberPriceHint", "−{off}%")
TIP_OFF = QT_TRANSLATE_NOOP("MemberPriceHint",
                            "{tier} price. Empty: the price less the {tier} discount ({off}% "
                            "off), as greyed here")
TIP_SAME = QT_TRANSLATE_NOOP("MemberPriceHint",
                             "{tier} price. Empty: the price, no discount, as greyed here")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def member_price_hints(page: Any) -> None:
    """Each member-price field's placeholder and tool tip, for the price typed and
    whether the tier discount applies (called again as either changes)."""
    price = page.price.amount_or_none()
    for t, edit in zip(page.tiers, page.member_prices, strict=True):
        discounted = page.discountable.isChecked() and t.discount_permille < 1000
        off = f"{100 - t.discount_permille / 10:g}"
        if price is not None and price.fen > 0:
            hint = (price.percent(t.discount_permille) if discounted else price).yuan()
        else:
            hint = _t(OFF).format(off=off) if discounted else _t(SAME)
        edit.setPlaceholderText(hint)
        edit.setToolTip((_t(TIP_OFF) if discounted else _t(TIP_SAME)).format(tier=t.name,
                                                                             off=off))
