"""Money, dates and numbers for people, through QLocale (``¥1,234.50`` in zh_CN).

Dates have one form in the whole window, in both languages: ``2026-12-03`` (what
the date fields take and the reports and file names use), with the time
``2026-12-03 14:05``. Nothing else in ``ui/`` formats a date
(``tests/gui/test_fmt.py`` scans for it); a birthday, which has no year, is
:func:`month_day`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from PySide6.QtCore import QDate, QLocale

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


DATE_FORMAT = "yyyy-MM-dd"  # the same, for Qt's date fields (setDisplayFormat)
_DATE = "%Y-%m-%d"


def date_text(day: date) -> str:
    """``2026-12-03``, in every language."""
    return day.strftime(_DATE)


def local_text(moment: datetime, *, seconds: bool = False) -> str:
    """A shop wall-clock time (already in the shop's time, as the services give
    report rows): ``2026-12-03 14:05`` (``:09`` with ``seconds``)."""
    return moment.strftime(_DATE + (" %H:%M:%S" if seconds else " %H:%M"))


def time_text(moment: datetime) -> str:
    """The time of day alone (``14:05``), beside a date already shown."""
    return moment.strftime("%H:%M")


def month_day(day: date) -> str:
    """A birthday's day (no year): ``12月3日`` / ``Dec 3``, the locale's month name."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return f"{day.month}月{day.day}日" if chinese else QLocale().toString(
        QDate(2000, day.month, day.day), "MMM d")


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


def datetime_text(moment: datetime, *, seconds: bool = False) -> str:
    """Date and time in the shop's time zone (``2026-12-03 14:05``). Naive values
    are UTC, the way the services store them."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    shop = aware.astimezone(timezone(timedelta(minutes=_shop_offset_minutes)))
    return local_text(shop, seconds=seconds)


def sentences(*parts: str) -> str:
    """Sentences one after another: in Chinese straight after "。", elsewhere with
    a space between them."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return ("" if chinese else " ").join(p for p in parts if p)
