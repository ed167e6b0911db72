"""Money and dates through QLocale."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

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


def test_one_date_form_in_both_languages(qapp) -> None:  # type: ignore[no-untyped-def]
    """2026-12-03 in zh_CN and English (it was 2026/12/3, 12/3/26, 2026-12-03 and
    12-03 across the window); a birthday has no year: 12月3日 / Dec 3."""
    for locale in (ZH, EN):
        QLocale.setDefault(locale)
        try:
            assert fmt.date_text(date(2026, 3, 4)) == "2026-03-04"
        finally:
            QLocale.setDefault(QLocale.c())
    QLocale.setDefault(ZH)
    try:
        assert fmt.month_day(date(2026, 12, 3)) == "12月3日"
        QLocale.setDefault(EN)
        assert fmt.month_day(date(2026, 12, 3)) == "Dec 3"
    finally:
        QLocale.setDefault(QLocale.c())


def test_times_are_shown_in_the_shops_time_zone() -> None:
    from datetime import datetime

    moment = datetime(2026, 11, 24, 9, 24, 7)  # UTC, as the services store it
    try:
        fmt.set_shop_offset(480)  # Beijing, the receipts' and reports' clock
        assert fmt.datetime_text(moment) == "2026-11-24 17:24"
        assert fmt.datetime_text(moment, seconds=True) == "2026-11-24 17:24:07"
        fmt.set_shop_offset(-300)
        assert fmt.datetime_text(moment) == "2026-11-24 04:24"
    finally:
        fmt.set_shop_offset(None)
    assert fmt.local_text(datetime(2026, 12, 3, 8, 5)) == "2026-12-03 08:05"  # shop time


# Formatting a date anywhere in ui/ but fmt.py: strftime, an f-string's %-format, a Qt
# date pattern (toString / setDisplayFormat), the locale's Short/Long date format.
_DATE_FORMATTING = re.compile(
    r"strftime\(|\{[^{}]*:%[^{}]*\}|setDisplayFormat\(\s*[\"']"
    r"|toString\([^)]*[\"'][^\"']*(yy|MM|dd|MMM)[^\"']*[\"']"
    r"|self\.tr\(\s*[\"'][^\"']*(yyyy|MMM|MM-dd|M/d)[^\"']*[\"']\)"
    r"|FormatType\.(Short|Long|Narrow)Format")
UI = Path(fmt.__file__).parent


def _formatting(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "fmt.py" and path.parent == root:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _DATE_FORMATTING.search(line):
                found.append(f"{path.relative_to(root).as_posix()}:{n}: {line.strip()}")
    return found


def test_no_date_is_formatted_outside_fmt() -> None:
    assert _formatting(UI) == []


def test_the_scan_finds_each_way_of_formatting_a_date(tmp_path: Path) -> None:
    lines = ['x = d.strftime("%Y/%m/%d")', 'y = f"{d:%m-%d}"', 'e.setDisplayFormat("yyyy/M/d")',
             'QLocale().toString(q, "MMM d")', 'loc.toString(q, QLocale.FormatType.ShortFormat)',
             'self.tr("MMM d")', 'ok = fmt.date_text(d)']
    (tmp_path / "page.py").write_text("\n".join(lines), encoding="utf-8")
    assert [f.split(":")[1] for f in _formatting(tmp_path)] == ["1", "2", "3", "4", "5", "6"]
