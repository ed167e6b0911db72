"""``memberdesk campaigns add-member-day|add-special|add-gift|end`` as real subprocesses: the
campaigns are created as typed (shop-time window, tiers, hold-out), listed, priced by
the checkout, ended; a mistake is one line on stderr, exit 1, nothing saved."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Campaign, Tier
from memberdesk.paths import DataPaths
from tests.integration.cli.test_stock_cli import ok, refused, run, shop  # noqa: F401

# Campaign windows in a December still to come, whatever the clock says (the shifted
# clock of make test runs these in 2028): a window that has passed can only be read.
Y = datetime.now(UTC).year + 2


def camp(root: str, *args: str, lang: str = "en") -> object:
    return run("campaigns", args[0], "--data-dir", root, *args[1:], "--user", "boss", lang=lang)


def test_add_list_and_end_from_the_command_line(shop: str) -> None:  # noqa: F811
    out = ok(camp(shop, "add-special", "夜场可乐", "--product", "1001", "--price", "2.00",
                  "--from", f"{Y}-12-24 22:00", "--to", f"{Y}-12-25 02:00", "--members-only"))
    assert out == f"campaign “夜场可乐” created: {Y}-12-24 to {Y}-12-25\n"
    out = ok(camp(shop, "add-member-day", "周三会员日", "--weekday", "3", "--pay-percent",
                  "95", "--points-times", "1.5", "--tiers", "gold,silver", "--holdout", "20",
                  lang="zh_CN"))
    assert out.startswith("已创建活动“周三会员日”")
    listed = ok(camp(shop, "list"))
    assert "夜场可乐" in listed and "周三会员日" in listed
    db = Database.open(DataPaths(Path(shop)))
    try:
        with db.reader() as uow:
            s = uow.session
            sp = s.scalar(select(Campaign).where(Campaign.name == "夜场可乐"))
            day = s.scalar(select(Campaign).where(Campaign.name == "周三会员日"))
            tiers = {code: tid for code, tid in s.execute(select(Tier.code, Tier.id))}
            assert sp is not None and day is not None
            # the shop is at +08:00: 22:00 local is 14:00 UTC
            assert sp.starts_at == datetime(Y, 12, 24, 14, tzinfo=UTC)
            assert sp.ends_at == datetime(Y, 12, 24, 18, tzinfo=UTC)
            assert (sp.kind, sp.price.fen if sp.price else None, sp.members_only) == (
                "special", 200, True)
            assert (day.weekday, day.discount_permille, day.multiplier_permille,
                    day.holdout_permille) == (2, 950, 1500, 200)
            assert day.tier_ids == ",".join(str(i) for i in sorted(
                (tiers["gold"], tiers["silver"])))
    finally:
        db.close()
    assert ok(camp(shop, "end", "周三会员日")) == "campaign “周三会员日” ended\n"
    assert refused(camp(shop, "end", "周三会员日")) == "“周三会员日” has already ended"


def test_edit_before_the_start_changes_only_what_is_given(shop: str) -> None:  # noqa: F811
    ok(camp(shop, "add-special", "圣诞可乐", "--product", "1001", "--price", "2.00",
            "--from", f"{Y}-12-24 22:00", "--to", f"{Y}-12-25 02:00"))
    out = ok(camp(shop, "edit", "圣诞可乐", "--name", "平安夜可乐", "--price", "2.50",
                  "--members-only", "yes"))
    assert out == f"campaign “平安夜可乐” changed: {Y}-12-24 to {Y}-12-25\n"
    assert refused(camp(shop, "edit", "平安夜可乐", "--gift", "1001", "--min-spend", "9")) == (
        "--gift does not apply to “平安夜可乐”")
    assert refused(camp(shop, "edit", "平安夜可乐")) == "nothing to change"
    assert refused(camp(shop, "edit", "平安夜可乐", "--price", "9")) == (
        "The special price must be below the price of ¥3.50")
    db = Database.open(DataPaths(Path(shop)))
    try:
        with db.reader() as uow:
            sp = uow.session.scalar(select(Campaign).where(Campaign.name == "平安夜可乐"))
            assert sp is not None
            assert (sp.price.fen if sp.price else None, sp.members_only) == (250, True)
            assert sp.starts_at == datetime(Y, 12, 24, 14, tzinfo=UTC)  # as it was
    finally:
        db.close()
    assert ok(camp(shop, "end", "平安夜可乐")) == "campaign “平安夜可乐” ended\n"
    assert refused(camp(shop, "edit", "平安夜可乐", "--price", "2")) == (
        "“平安夜可乐” is over: it can only be read")


def test_mistakes_are_one_line_and_save_nothing(shop: str) -> None:  # noqa: F811
    assert refused(camp(shop, "add-special", "x", "--product", "1001", "--price", "2",
                        "--from", f"{Y}-12-24 22", "--to", f"{Y}-12-25 02:00")) == (
        f"the start “{Y}-12-24 22” should be YYYY-MM-DD HH:MM")
    assert refused(camp(shop, "add-special", "x", "--product", "1001", "--price", "4",
                        "--from", f"{Y}-12-24 22:00", "--to", f"{Y}-12-25 02:00")) == (
        "The special price must be below the price of ¥3.50")
    assert refused(camp(shop, "add-member-day", "x", "--weekday", "3", "--pay-percent",
                        "九十")) == "the price percent “九十” is not a number"
    assert refused(camp(shop, "add-member-day", "x", "--weekday", "3", "--tiers", "platinum",
                        "--pay-percent", "90")) == "No tier “platinum”"
    assert "x" not in ok(camp(shop, "list")).split()


def test_a_gift_with_purchase_from_the_command_line(shop: str) -> None:  # noqa: F811
    out = ok(camp(shop, "add-gift", "满100送可乐", "--min-spend", "100", "--gift", "1001",
                  "--qty", "2", "--from", f"{Y}-12-24 00:00", "--to", f"{Y}-12-31 00:00",
                  "--tiers", "gold", lang="zh_CN"))
    assert out == f"已创建活动“满100送可乐”：{Y}-12-24 至 {Y}-12-30\n"
    assert "满100送可乐\tgift with purchase\t可口可乐 330ml" in ok(camp(shop, "list"))
    db = Database.open(DataPaths(Path(shop)))
    try:
        with db.reader() as uow:
            s = uow.session
            c = s.scalar(select(Campaign).where(Campaign.name == "满100送可乐"))
            gold = s.scalar(select(Tier.id).where(Tier.code == "gold"))
            assert c is not None
            assert (c.kind, c.min_spend.fen if c.min_spend else None, c.gift_qty,
                    c.holdout_permille, c.tier_ids) == ("gift", 10000, 2, 100, str(gold))
            assert c.starts_at == datetime(Y, 12, 23, 16, tzinfo=UTC)
    finally:
        db.close()
    assert refused(camp(shop, "add-gift", "x", "--min-spend", "0", "--gift", "1001",
                        "--from", f"{Y}-12-24 00:00", "--to", f"{Y}-12-25 00:00")) == (
        "Type the amount a sale must reach for the gift (more than 0)")
    assert refused(camp(shop, "add-gift", "x", "--min-spend", "50", "--gift", "1001",
                        "--qty", "两", "--from", f"{Y}-12-24 00:00", "--to",
                        f"{Y}-12-25 00:00")) == "the gift quantity “两” is not a number"
    assert ok(camp(shop, "end", "满100送可乐")) == "campaign “满100送可乐” ended\n"
    assert "x" not in ok(camp(shop, "list")).split()
