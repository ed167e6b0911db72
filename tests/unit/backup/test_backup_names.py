"""Backup files are named in the shop's time, as the screens show it, with the offset."""

from __future__ import annotations

from datetime import UTC, datetime

from memberdesk.services.backup.files import backup_name


def test_a_backup_is_named_in_the_shops_time_with_its_offset() -> None:
    at = datetime(2026, 12, 2, 16, 30, 5, 123456, tzinfo=UTC)  # 00:30 on 3 Dec in Beijing
    assert backup_name(at, "manual", 480) == "memberdesk-20261203-003005-123456+0800-manual.sqlite3"
    assert backup_name(at, "cli", -300) == "memberdesk-20261202-113005-123456-0500-cli.sqlite3"
    assert backup_name(at, "cli", 345) == "memberdesk-20261202-221505-123456+0545-cli.sqlite3"


def test_names_sort_in_time_order_across_the_shops_midnight() -> None:
    times = [datetime(2026, 12, 2, 15, 59, tzinfo=UTC), datetime(2026, 12, 2, 16, 1, tzinfo=UTC)]
    names = [backup_name(t, "scheduled", 480) for t in times]
    assert names == sorted(names) and "20261203" in names[1]
