"""What a coupon template gives, in words: the rules page's list and the counter's
coupon dialog say it the same way (:func:`memberdesk.domain.coupon_value.value_words`,
which the recharge preview and slip use too); and what it needs (its minimum spend, or
none: 无门槛)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from memberdesk.domain.coupon_value import value_words
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from memberdesk.services.coupons.admin import CouponTemplateRow

NO_MINIMUM = QT_TRANSLATE_NOOP("CouponWords", "none")


def offer_text(t: CouponTemplateRow) -> str:
    """``¥5.00 off``, ``pay 80%, at most ¥20.00 off`` or ``at ¥1.00`` (one item)."""
    return value_words(str(t.kind), t.value, t.percent_paid, t.max_discount,
                       QLocale().language() == QLocale.Language.English)


def min_spend_text(t: CouponTemplateRow) -> str:
    """The bill the coupon needs: ``¥50.00``, or ``none`` (无门槛) when any bill will do."""
    if t.min_spend:
        return fmt.money(t.min_spend)
    return QCoreApplication.translate("CouponWords", NO_MINIMUM)
