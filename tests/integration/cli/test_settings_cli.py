"""``memberdesk settings list|set`` as a real subprocess: the table as a person reads
it, a change by the owner in yuan (audited), and every refusal as one line on stderr
with exit code 1 and nothing changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from memberdesk.db import Database
from memberdesk.paths import DataPaths
from memberdesk.services.shared.setting_specs import SPECS
from memberdesk.services.shared.settings import read_settings

from .test_staff_cli import BOSS, MGR, ok, refused, run, staff

PLAIN = "checkout.plain_amount_confirm_fen"


def settings(shop: str, *args: str, user: str | None = None, password: str = "",
             lang: str = "en") -> subprocess.CompletedProcess[str]:  # fmt: skip
    who = ("--user", user) if user else ()
    return run("settings", *args, "--data-dir", shop, *who, stdin=password + "\n", lang=lang)


def stored(shop: str) -> dict[str, object]:
    db = Database.open(DataPaths(Path(shop)))
    try:
        return read_settings(db)
    finally:
        db.close()


@pytest.fixture
def shop(tmp_path: Path) -> str:
    d = str(tmp_path / "shop")
    ok(run("init", "--data-dir", d, "--shop-name", "好邻居", "--owner", "boss", stdin=BOSS + "\n"))
    ok(staff(d, "add", "mgr", "--name", "李店长", "--role", "manager", user="boss",
             lines=[BOSS, MGR]))  # fmt: skip
    return d


def test_list_shows_values_as_people_read_them(shop: str) -> None:
    lines = ok(settings(shop, "list")).splitlines()
    assert lines[0].split() == ["key", "value", "default", "setting"]
    rows = {ln.split("  ")[0]: " ".join(ln.split()) for ln in lines[1:]}
    assert rows[PLAIN] == f"{PLAIN} ¥500.00 ¥500.00 Plain amount confirmation above"
    assert rows["points.validity_days"].startswith("points.validity_days 365 days 365 days")
    assert len(rows) == len(SPECS)
    zh = ok(settings(shop, "list", lang="zh_CN")).splitlines()
    assert zh[0].split() == ["设置项", "当前值", "默认值", "说明"]
    assert any(ln.split() == ["checkout.rounding", "不抹零", "不抹零", "抹零"] for ln in zh)


def test_the_time_zone_is_called_time_zone_and_its_help_says_minutes_from_utc(shop: str) -> None:
    """A blind trial: "时区（与 UTC 相差的分钟数）" told a new owner nothing."""
    zone = "shop.timezone_offset_minutes"
    en = [" ".join(ln.split()) for ln in ok(settings(shop, "list")).splitlines()]
    assert any(ln.startswith(zone) and ln.endswith(" Time zone") for ln in en)
    zh = [" ".join(ln.split()) for ln in ok(settings(shop, "list", lang="zh_CN")).splitlines()]
    assert any(ln.startswith(zone) and ln.endswith(" 时区") for ln in zh)
    spec = SPECS[zone]
    assert spec.help_in("zh_CN").startswith("填比 UTC 早多少分钟，例如 480 就是 UTC+8 北京时间")
    assert spec.help_in("en").startswith("How many minutes ahead of UTC, e.g. 480 = UTC+8 Beijing")


def test_the_owner_sets_an_amount_in_yuan(shop: str) -> None:
    out = ok(settings(shop, "set", PLAIN, "300", user="boss", password=BOSS))
    assert out == f"{PLAIN}: ¥500.00 -> ¥300.00\n"
    assert stored(shop)[PLAIN] == 30_000
    listed = ok(settings(shop, "list")).splitlines()
    assert any(ln.split()[:3] == [PLAIN, "¥300.00", "¥500.00"] for ln in listed)
    out = ok(settings(shop, "set", "checkout.rounding", "抹角", user="boss", password=BOSS,
                      lang="zh_CN"))  # fmt: skip
    assert out == "checkout.rounding: 不抹零 -> 抹角\n"
    out = ok(settings(shop, "set", "printer.connection", "network:192.168.1.87:9100",
                      user="boss", password=BOSS))  # fmt: skip
    assert out == "printer.connection: none (on screen only) -> network:192.168.1.87:9100\n"


def test_refusals_change_nothing(shop: str) -> None:
    refused(settings(shop, "set", PLAIN, "300", user="mgr", password=MGR),
            "Only the owner may change settings")  # fmt: skip
    refused(settings(shop, "set", PLAIN, "300", user="boss", password="wrong"),
            "Wrong user name or password")  # fmt: skip
    refused(settings(shop, "set", PLAIN, "3OO", user="boss", password=BOSS),
            f"Plain amount confirmation above ({PLAIN}): “3OO”: not a number "
            "(type yuan, e.g. 300 or 300.00)")  # fmt: skip
    refused(settings(shop, "set", "points.validity_days", "99999", user="boss", password=BOSS),
            "Points validity (points.validity_days): must be a whole number from 0 to 3650")
    refused(settings(shop, "set", "shop.colour", "red", user="boss", password=BOSS),
            "Unknown setting shop.colour")  # fmt: skip
    refused(settings(shop, "set", "shift.blind_close", "maybe", user="boss", password=BOSS,
                     lang="zh_CN"), "“盲交班”（shift.blind_close）：“maybe”应为“是”或“否”")
    assert stored(shop)[PLAIN] == 50_000 and stored(shop)["points.validity_days"] == 365
