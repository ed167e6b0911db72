"""Money, dates and numbers for people, through QLocale (``¥1,234.50`` in zh_CN)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone

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


_shop_offset_seconds: int | None = None  # the shop's time zone, once the shop is open


def set_shop_offset(minutes: int | None) -> None:
    """Show times in the shop's time zone (the ``shop.timezone_offset_minutes``
    setting the receipts and reports use), not the computer's; None: the computer's."""
    global _shop_offset_seconds
    _shop_offset_seconds = None if minutes is None else minutes * 60


def datetime_text(moment: datetime, locale: QLocale | None = None) -> str:
    """Date and time in the shop's time zone (else the computer's). Naive values
    are UTC, the way the services store them."""
    loc = locale or QLocale()
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    stamp = QDateTime.fromMSecsSinceEpoch(round(aware.timestamp() * 1000), QTimeZone.utc())
    if _shop_offset_seconds is None:
        return loc.toString(stamp.toLocalTime(), QLocale.FormatType.ShortFormat)
    shop = stamp.toTimeZone(QTimeZone(_shop_offset_seconds))
    return loc.toString(shop, QLocale.FormatType.ShortFormat)


def sentences(*parts: str) -> str:
    """Sentences one after another: in Chinese straight after "。", elsewhere with
    a space between them."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return ("" if chinese else " ").join(p for p in parts if p)
