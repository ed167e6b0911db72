"""What a coupon template gives, in words: the rules page's list and the counter's
coupon dialog say it the same way (:func:`memberdesk.domain.coupon_value.value_words`,
which the recharge preview and slip use too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from memberdesk.domain.coupon_value import value_words

if TYPE_CHECKING:
    from memberdesk.services.coupons.admin import CouponTemplateRow


def offer_text(t: CouponTemplateRow) -> str:
    """``¥5.00 off``, ``pay 80%, at most ¥20.00 off`` or ``at ¥1.00`` (one item)."""
    return value_words(str(t.kind), t.value, t.percent_paid, t.max_discount,
                       QLocale().language() == QLocale.Language.English)
