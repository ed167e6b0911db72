"""Money and dates through QLocale."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale

from memberdesk.money import MAX_FEN, Money
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import locale_for

ZH = locale_for("zh_CN")
EN = locale_for("en")


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "¥0.00"),
        (1, "¥0.01"),
        (10, "¥0.10"),
        (123450, "¥1,234.50"),
        (-500, "-¥5.00"),
        (-1, "-¥0.01"),
        (MAX_FEN, "¥100,000,000.00"),
        (MAX_FEN - 1, "¥99,999,999.99"),
        (-MAX_FEN, "-¥100,000,000.00"),
    ],
)
def test_money_has_exactly_two_decimals_in_both_languages(fen: int, text: str) -> None:
    assert fmt.money(Money(fen), ZH) == text
    assert fmt.money(Money(fen), EN) == text


def test_money_matches_the_plain_formatter_for_many_amounts() -> None:
    for fen in [*range(-2000, 2000, 7), 10**9 + 5, 987654321]:
        assert fmt.money(Money(fen), ZH) == Money(fen).display()


def test_money_uses_the_default_locale(qapp) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(ZH)
    try:
        assert fmt.money(Money(99)) == "¥0.99"
    finally:
        QLocale.setDefault(QLocale.c())


def test_dates_follow_the_language() -> None:
    assert fmt.date_text(date(2026, 3, 4), ZH) == "2026/3/4"
    assert fmt.date_text(date(2026, 3, 4), EN) == "3/4/26"


def test_times_are_shown_in_the_shops_time_zone() -> None:
    from datetime import datetime

    from PySide6.QtCore import QLocale

    from memberdesk.ui.common import fmt

    moment = datetime(2026, 11, 24, 9, 24)  # UTC, as the services store it
    locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    try:
        fmt.set_shop_offset(480)  # Beijing, the receipts' and reports' clock
        assert fmt.datetime_text(moment, locale) == "11/24/26 5:24\u202fPM"
        fmt.set_shop_offset(-300)
        assert fmt.datetime_text(moment, locale) == "11/24/26 4:24\u202fAM"
    finally:
        fmt.set_shop_offset(None)
