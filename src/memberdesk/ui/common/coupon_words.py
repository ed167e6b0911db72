"""What a coupon template gives, in words: the rules page's list and the counter's
coupon dialog say it the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from memberdesk.services.coupons.admin import CouponTemplateRow


def offer_text(t: CouponTemplateRow) -> str:
    """``¥5.00 off``, ``pay 80%, at most ¥20.00 off`` or ``at ¥1.00`` (one item)."""
    translate = QCoreApplication.translate
    kind = str(t.kind)
    if kind == "amount_off":
        return translate("RulesPage", "{amount} off").format(amount=t.value.display())
    if kind == "percent_off":
        text = translate("RulesPage", "pay {percent}").format(percent=f"{t.percent_paid / 10:g}%")
        if t.max_discount is not None:
            text += translate("RulesPage", ", at most {amount} off").format(
                amount=t.max_discount.display())
        return text
    return translate("RulesPage", "at {amount}").format(amount=t.value.display())
