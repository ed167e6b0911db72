"""The one "expiring soon" rule (domain.points): the reminder window, the setting's
parsing, and the receipt's line in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from memberdesk.domain.points import (
    ExpiryNotice,
    expiry_horizon,
    expiry_notice,
    parse_reminder_days,
    reminder_due,
    reminder_setting_problem,
)
from memberdesk.services.receipts.data import ReceiptData, from_json, to_json
from memberdesk.services.receipts.text import render_text

TODAY = date(2026, 12, 24)


def test_the_soonest_date_within_the_largest_reminder_window() -> None:
    lots = [(100, date(2026, 12, 31)), (200, date(2026, 12, 31)), (50, date(2026, 12, 27)),
            (70, None), (0, date(2026, 12, 25))]
    assert expiry_notice(lots, TODAY, (7, 3)) == ExpiryNotice(50, date(2026, 12, 27))
    assert expiry_notice(lots[:2], TODAY, (7, 3)) == ExpiryNotice(300, date(2026, 12, 31))
    assert expiry_notice(lots[:2], TODAY, (6, 3)) is None  # 7 days away
    assert expiry_notice([(10, TODAY)], TODAY, (0,)) == ExpiryNotice(10, TODAY)  # last day
    assert expiry_notice([(10, date(2026, 12, 23))], TODAY, (7,)) is None  # past: the job's
    assert expiry_notice(lots, TODAY, ()) is None


def test_reminder_days_and_the_window() -> None:
    assert parse_reminder_days("7,3") == (7, 3)
    assert parse_reminder_days(" 3，7 ,3") == (7, 3)
    for bad in ("", "x", "-1", "400", "7;3"):
        with pytest.raises(ValueError):
            parse_reminder_days(bad)
    assert reminder_setting_problem("7,3") is None
    assert reminder_setting_problem(7) is not None and reminder_setting_problem("7,x") is not None
    assert expiry_horizon(TODAY, 30) == date(2027, 1, 22) and expiry_horizon(TODAY, 1) == TODAY
    assert reminder_due(date(2026, 12, 31), TODAY, (7, 3))
    assert not reminder_due(date(2027, 1, 1), TODAY, (7, 3))


def test_the_receipt_line_in_both_languages_and_old_receipts_without_it() -> None:
    data = ReceiptData(kind="sale", shop_name="店", number="S1", issued_at="2026-12-24 12:00:00",
                       cashier="张", points_balance=500, points_expiring=300,
                       points_expiring_on="2026-12-31")
    assert "积分 300 将于 12月31日 到期" in render_text(data).splitlines()
    assert "300 points expire on Dec 31" in render_text(data, lang="en").splitlines()
    assert from_json(to_json(data)) == data
    old = from_json(to_json(data).replace(',"points_expiring":300,"points_expiring_on":"2026-12-31"',
                                          ""))
    assert old.points_expiring == 0 and "到期" not in render_text(old)
