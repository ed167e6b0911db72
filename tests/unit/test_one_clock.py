"""One clock: nothing in src/ reads the wall clock or the computer's time zone except
memberdesk.domain.shoptime, which every "now" and "today" goes through."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from memberdesk.domain import shoptime

SRC = Path(__file__).resolve().parents[2] / "src" / "memberdesk"
HOME = SRC / "domain" / "shoptime.py"
# (receiver, method) pairs that read the computer's clock or time zone.
FORBIDDEN = {
    ("date", "today"), ("datetime", "today"), ("datetime", "now"), ("datetime", "utcnow"),
    ("datetime", "fromtimestamp"), ("datetime", "utcfromtimestamp"), ("date", "fromtimestamp"),
    ("time", "time"), ("time", "time_ns"), ("time", "localtime"), ("time", "gmtime"),
    ("time", "ctime"), ("time", "strftime"), ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"), ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"), ("QDateTime", "currentSecsSinceEpoch"),
    ("QTime", "currentTime"), ("QDateTime", "toLocalTime"),
}


def clock_reads(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = node.func.value
            name = receiver.id if isinstance(receiver, ast.Name) else (
                receiver.attr if isinstance(receiver, ast.Attribute) else None)
            if (name, node.func.attr) in FORBIDDEN:
                found.append((node.lineno, f"{name}.{node.func.attr}()"))
    return found


def test_the_scan_finds_each_kind_of_clock_read() -> None:
    sample = "date.today()\ndatetime.now(UTC)\nQDate.currentDate()\nx.time.time()\nclock.now()\n"
    assert [line for line, _ in clock_reads(sample)] == [1, 2, 3, 4]


def test_nothing_but_the_shop_clock_reads_the_wall_clock() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{line}: {call}"
        for path in sorted(SRC.rglob("*.py")) if path != HOME
        for line, call in clock_reads(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use memberdesk.domain.shoptime (or services.shared.clock):\n" + "\n".join(
        offenders)


@pytest.mark.parametrize(("utc", "offset", "day"), [
    (datetime(2026, 12, 2, 15, 59, 59, tzinfo=UTC), 480, date(2026, 12, 2)),
    (datetime(2026, 12, 2, 16, 0, tzinfo=UTC), 480, date(2026, 12, 3)),  # the shop's midnight
    (datetime(2026, 12, 31, 16, 0, tzinfo=UTC), 480, date(2027, 1, 1)),  # year end
    (datetime(2028, 2, 28, 16, 0, tzinfo=UTC), 480, date(2028, 2, 29)),  # leap day
    (datetime(2026, 12, 3, 4, 59, tzinfo=UTC), -300, date(2026, 12, 2)),  # west of UTC
])
def test_the_shops_date_follows_its_own_zone(utc: datetime, offset: int, day: date) -> None:
    with shoptime.frozen(utc):
        assert shoptime.shop_today(offset) == day
        assert shoptime.start_of_day(day, offset) <= utc < shoptime.start_of_day(
            day + timedelta(days=1), offset)


def test_frozen_clocks_nest_and_unwind() -> None:
    a, b = datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
    with shoptime.frozen(a):
        with shoptime.frozen(b):
            assert shoptime.utc_now() == b
        assert shoptime.utc_now() == a
    assert shoptime.utc_now() not in (a, b)  # the real clock again
    with pytest.raises(ValueError), shoptime.frozen(datetime(2026, 1, 1)):  # naive: refused
        pass
