"""Money, dates and numbers for people, through QLocale (``¥1,234.50`` in zh_CN)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone

from memberdesk.domain import shoptime
from memberdesk.money import Money

YUAN_SIGN = "¥"


def money(amount: Money, locale: QLocale | None = None) -> str:
    """An RMB amount with exactly two decimals, grouped the locale's way.

    Negative amounts get the locale's minus sign in front. The float only carries
    the value into Qt's formatter: every Money is at most 10^10 fen, far inside a
    double's exact range, and Qt rounds to 2 decimals.
    """
    loc = locale or QLocale()
    text = loc.toCurrencyString(abs(amount.fen) / 100, YUAN_SIGN, 2)
    # A minus sign, not accounting brackets: refunds read "-¥5.00" on screen.
    return loc.negativeSign() + text if amount.fen < 0 else text


def number(value: int, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(value)


def date_text(day: date, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    return loc.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


DEFAULT_OFFSET_MINUTES = 480  # the setting's default (Beijing), until a shop is open
_shop_offset_minutes: int = DEFAULT_OFFSET_MINUTES


def set_shop_offset(minutes: int | None) -> None:
    """Show times and count days in the shop's time zone (the
    ``shop.timezone_offset_minutes`` setting the receipts and reports use), never the
    computer's; None: the setting's default."""
    global _shop_offset_minutes
    _shop_offset_minutes = DEFAULT_OFFSET_MINUTES if minutes is None else minutes


def shop_offset_minutes() -> int:
    return _shop_offset_minutes


def shop_today() -> date:
    """Today in the shop's time zone, from the one clock (never the computer's date)."""
    return shoptime.shop_today(_shop_offset_minutes)


def shop_date(moment: datetime) -> date:
    """The shop's date at ``moment`` (naive values are UTC, as stored)."""
    return shoptime.business_date(moment, _shop_offset_minutes)


def shop_qdate() -> QDate:
    """:func:`shop_today` for date pickers."""
    today = shop_today()
    return QDate(today.year, today.month, today.day)


def datetime_text(moment: datetime, locale: QLocale | None = None) -> str:
    """Date and time in the shop's time zone. Naive values are UTC, the way the
    services store them."""
    loc = locale or QLocale()
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    stamp = QDateTime.fromMSecsSinceEpoch(round(aware.timestamp() * 1000), QTimeZone.utc())
    shop = stamp.toTimeZone(QTimeZone(_shop_offset_minutes * 60))
    return loc.toString(shop, QLocale.FormatType.ShortFormat)


def sentences(*parts: str) -> str:
    """Sentences one after another: in Chinese straight after "。", elsewhere with
    a space between them."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return ("" if chinese else " ").join(p for p in parts if p)
