"""Discount and tender names in the interface language.

The pricing service names its discounts in Chinese (会员价, 金卡折扣, 抹零) and a
coupon by its template's name. The kind says what the discount is, so the
counter words it itself; a coupon keeps its own name (shop data, not translated).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Discounts"

# Keys are memberdesk.models.enums.DiscountKind values.
DISCOUNT_KINDS: dict[str, str] = {
    "member_price": QT_TRANSLATE_NOOP("Discounts", "Member price"),
    "tier": QT_TRANSLATE_NOOP("Discounts", "{tier} discount"),
    "points": QT_TRANSLATE_NOOP("Discounts", "Points"),
    "rounding": QT_TRANSLATE_NOOP("Discounts", "Rounding"),
    "manual": QT_TRANSLATE_NOOP("Discounts", "Manual discount"),
}

# Keys are memberdesk.models.enums.TenderKind values.
TENDER_KINDS: dict[str, str] = {
    "stored_value": QT_TRANSLATE_NOOP("Tenders", "Stored value"),
    "points": QT_TRANSLATE_NOOP("Tenders", "Points"),
    "cash": QT_TRANSLATE_NOOP("Tenders", "Cash"),
    "bank_card": QT_TRANSLATE_NOOP("Tenders", "Bank card"),
    "wechat": QT_TRANSLATE_NOOP("Tenders", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Tenders", "Alipay"),
}


def discount_label(kind: str, service_label: str, tier_name: str = "") -> str:
    """What to call a discount: coupons by their name, the rest by kind."""
    source = DISCOUNT_KINDS.get(str(kind))
    if source is None or (kind == "tier" and not tier_name):
        return service_label
    return QCoreApplication.translate(CONTEXT, source).format(tier=tier_name)


def tender_label(kind: str) -> str:
    return QCoreApplication.translate("Tenders", TENDER_KINDS[str(kind)])
