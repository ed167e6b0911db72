"""``memberdesk tiers``, ``memberdesk coupons`` and ``memberdesk recharge-rules``
(issue 11, items 3 and 7): the loyalty rules of a new shop set up by script; each
refusal one line on stderr with exit code 1, nothing saved. Run in-process
(``main``) with the password on stdin, like the products commands, plus one real
subprocess to prove the command is installed and registered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from memberdesk.services.coupons.core import member_coupons
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.staff.accounts import login
from tests.integration.cli.test_products_cli import BOSS, Shop, shop  # noqa: F401  (fixture)


def test_tiers_list_and_set(shop: Shop) -> None:  # noqa: F811
    out = shop.ok("tiers", "list")
    assert out.splitlines()[0].split()[:3] == ["code", "name", "order"]
    assert "gold" in out and "95%" in out
    assert shop.ok("tiers", "set", "vip", "--user", "boss", "--name", "黑卡会员",
                   "--discount", "85", "--multiplier", "3", "--threshold", "50000") == (
        "added: vip 黑卡会员 85% 3× 50000.00\n")
    assert shop.ok("tiers", "set", "vip", "--user", "boss", "--discount", "88") == (
        "changed: vip 黑卡会员 88% 3× 50000.00\n")
    vip = next(ln for ln in shop.ok("tiers", "list").splitlines() if ln.startswith("vip"))
    assert vip.split()[2:5] == ["5", "88%", "3×"]  # a new tier goes last
    assert shop.refused("tiers", "set", "vip", "--user", "boss", "--discount", "-5") == (
        "A tier's discount is the share paid, 1%–100% (100% = full price, 95% = 5% off), "
        "not -5%")
    assert shop.refused("tiers", "set", "vip", "--user", "boss", "--discount", "abc") == (
        "the discount abc is not a number")
    assert shop.ok("tiers", "set", "vip", "--user", "boss", "--deactivate").startswith("changed")
    assert "inactive" in shop.ok("tiers", "list").splitlines()[-1]


def test_a_tier_held_by_a_member_is_not_deactivated(shop: Shop) -> None:  # noqa: F811
    db = shop.db()
    try:
        owner = login(db, "boss", BOSS)
        register_member(db, owner, phone="13800000001", name="张三")
    finally:
        db.close()
    assert shop.refused("tiers", "set", "normal", "--user", "boss", "--deactivate",
                        lang="zh_CN") == (
        "还有 1 位会员属于“普通会员”，不能停用：请先把他们调到其他等级")


def test_coupons_and_recharge_rules(shop: Shop) -> None:  # noqa: F811
    assert "no coupons yet" in shop.ok("coupons", "templates")
    assert shop.ok("coupons", "add-template", "OFF5", "--user", "boss", "--name", "满20减5",
                   "--value", "5", "--min-spend", "20", "--days", "30") == (
        "added: OFF5 满20减5 5.00 off\n")
    assert shop.refused("coupons", "add-template", "P0", "--user", "boss", "--name", "零折",
                        "--kind", "percent", "--paid", "0") == (
        "A percent coupon's share paid must be 1%–99% (80% = 20% off), not 0%")
    out = shop.ok("coupons", "templates")
    assert "OFF5" in out and "30 days" in out and "0/0" in out

    assert "no recharge offers yet" in shop.ok("recharge-rules", "list")
    assert shop.ok("recharge-rules", "add", "100", "--user", "boss", "--bonus", "20",
                   "--coupon", "OFF5", "--name", "充100送20") == "added: 1 充100送20\n"
    assert shop.refused("recharge-rules", "add", "100", "--user", "boss", "--bonus", "30") \
        .startswith("It overlaps the recharge offer 充100送20 (no end date)")
    assert shop.refused("recharge-rules", "add", "100", "--user", "boss", "--bonus", "150",
                        "--tier", "gold") == (
        "A bonus of ¥150.00 is more than the ¥100.00 paid: at most as much as is paid "
        "(most likely a zero too many)")
    assert "running" in shop.ok("recharge-rules", "list")
    assert shop.refused("coupons", "deactivate", "OFF5", "--user", "boss").startswith(
        "The recharge offer 充100送20 still gives this coupon")
    assert shop.ok("recharge-rules", "end", "1", "--user", "boss") == "ended: 1 充100送20\n"
    assert "ended" in shop.ok("recharge-rules", "list")

    db = shop.db()
    try:
        owner = login(db, "boss", BOSS)
        member = register_member(db, owner, phone="13800000001", name="张三")
    finally:
        db.close()
    out = shop.ok("coupons", "issue", "OFF5", "13800000001", "--user", "boss", "--count", "2")
    assert out.startswith("issued to 张三")
    db = shop.db()
    try:
        assert len(member_coupons(db, member.id)) == 2
    finally:
        db.close()
    assert shop.refused("coupons", "issue", "OFF5", "张", "--user", "boss").startswith(
        "Type the member's whole phone number")


def test_a_real_subprocess(shop: Shop, tmp_path: Path) -> None:  # noqa: F811
    env = {**os.environ, "MEMBERDESK_LANG": "zh_CN"}
    done = subprocess.run(
        [sys.executable, "-m", "memberdesk", "recharge-rules", "add", "100", "--data-dir",
         shop.root, "--user", "boss", "--bonus", "0"],
        input=BOSS + "\n", capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "memberdesk: 这个充值活动什么也不送：请填写赠送金额、赠送积分或赠券"]
    done = subprocess.run(
        [sys.executable, "-m", "memberdesk", "tiers", "list", "--data-dir", shop.root],
        capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and "金卡会员" in done.stdout


def test_a_categorys_points_rate(shop: Shop) -> None:  # noqa: F811
    shop.ok("categories", "add", "drinks", "饮料", "--user", "boss")
    assert shop.ok("categories", "list") == "drinks  饮料  shop's rate\n"
    assert shop.ok("categories", "points", "drinks", "5", "--user", "boss") == (
        "category points: drinks 5\n")
    assert shop.ok("categories", "list") == "drinks  饮料  5 per yuan\n"
    assert shop.refused("categories", "points", "drinks", "101", "--user", "boss") == (
        "A category's points must be 0 to 100 per yuan (or the shop's rate)")
    assert shop.refused("categories", "points", "drinks", "lots", "--user", "boss") == (
        "points per yuan must be a whole number 0-100 or shop, not lots")
    assert shop.ok("categories", "points", "drinks", "shop", "--user", "boss") == (
        "category points: drinks shop's rate\n")
