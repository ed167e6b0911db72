"""Names of payment methods, card states and cash moves, translated in the UI.

Keys are the values of the model enums (StrEnums, so ``TenderKind.CASH`` looks
itself up); the enums are not imported here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

TENDERS: dict[str, str] = {
    "cash": QT_TRANSLATE_NOOP("Labels", "Cash"),
    "stored_value": QT_TRANSLATE_NOOP("Labels", "Stored value"),
    "points": QT_TRANSLATE_NOOP("Labels", "Points"),
    "coupon": QT_TRANSLATE_NOOP("Labels", "Voucher"),
    "bank_card": QT_TRANSLATE_NOOP("Labels", "Bank card"),
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Labels", "Alipay"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

# What a recharge may be paid with, in the order offered.
RECHARGE_TENDERS = ("cash", "wechat", "alipay", "bank_card", "other")

CARD_STATES: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("Labels", "In use"),
    "lost": QT_TRANSLATE_NOOP("Labels", "Reported lost"),
    "replaced": QT_TRANSLATE_NOOP("Labels", "Replaced"),
    "void": QT_TRANSLATE_NOOP("Labels", "Void"),
}


def tender_name(kind: str) -> str:
    return QCoreApplication.translate("Labels", TENDERS[str(kind)])


def card_state(status: str) -> str:
    return QCoreApplication.translate("Labels", CARD_STATES[str(status)])
