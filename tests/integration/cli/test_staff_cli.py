"""``memberdesk staff ...`` as a real subprocess: list, add, passwd (reset and own),
activate/deactivate, and every refusal as one line on stderr with exit code 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from memberdesk.db import Database
from memberdesk.paths import DataPaths
from memberdesk.services.receipts.text import text_width
from memberdesk.services.shared.errors import AuthError
from memberdesk.services.staff.accounts import login

BOSS, MGR, KASSE = "boss-pass-1", "mgr-pass-1", "kasse-pass-1"


def run(*args: str, stdin: str = "", lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "memberdesk.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "MEMBERDESK_LANG": lang},
    )


def staff(shop: str, *args: str, user: str, lines: list[str], lang: str = "en"
          ) -> subprocess.CompletedProcess[str]:  # fmt: skip
    return run("staff", *args, "--data-dir", shop, "--user", user,
               stdin="".join(f"{x}\n" for x in lines), lang=lang)  # fmt: skip


def ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, r.stderr
    return r.stdout


def refused(r: subprocess.CompletedProcess[str], message: str) -> None:
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr == f"memberdesk: {message}\n"


def can_log_in(shop: str, username: str, password: str) -> bool:
    db = Database.open(DataPaths(Path(shop)))
    try:
        login(db, username, password)
        return True
    except AuthError:
        return False
    finally:
        db.close()


@pytest.fixture
def shop(tmp_path: Path) -> str:
    """A shop with the owner ``boss`` and a manager ``mgr`` added by the command."""
    d = str(tmp_path / "shop")
    ok(run("init", "--data-dir", d, "--shop-name", "好邻居", "--owner", "boss", stdin=BOSS + "\n"))
    ok(staff(d, "add", "mgr", "--name", "李店长", "--role", "manager", user="boss",
             lines=[BOSS, MGR]))  # fmt: skip
    return d


def test_add_list_and_the_new_cashier_logs_in(shop: str) -> None:
    out = ok(staff(shop, "add", "kasse", "--name", "王小明", "--role", "cashier", user="mgr",
                   lines=[MGR, KASSE]))  # fmt: skip
    assert out == "added: kasse 王小明 (cashier)\n"
    assert can_log_in(shop, "kasse", KASSE)
    # the cashier acts with the command too (changes their own password)
    out = ok(staff(shop, "passwd", user="kasse", lines=[KASSE, "kasse-pass-2"]))
    assert out == "password changed: kasse\n"
    assert can_log_in(shop, "kasse", "kasse-pass-2") and not can_log_in(shop, "kasse", KASSE)

    lines = ok(staff(shop, "list", user="boss", lines=[BOSS])).splitlines()
    assert lines[0].split() == ["user", "name", "role", "status", "locked", "until"]
    assert [ln.split() for ln in lines[1:]] == [
        ["boss", "boss", "owner", "active"],
        ["mgr", "李店长", "manager", "active"],
        ["kasse", "王小明", "cashier", "active"],
    ]
    zh = ok(staff(shop, "list", user="mgr", lines=[MGR], lang="zh_CN")).splitlines()
    assert zh[0].split() == ["用户名", "姓名", "角色", "状态", "锁定至"]
    assert zh[3].split() == ["kasse", "王小明", "收银员", "启用"]
    # columns line up by display width (a CJK character is two columns)
    role_column = {
        text_width(ln[: ln.rindex(role)])
        for ln, role in zip(zh, ("角色", "老板", "店长", "收银员"), strict=True)
    }
    assert len(role_column) == 1


def test_add_refusals(shop: str) -> None:
    add = ("add", "kasse", "--name", "王小明", "--role", "cashier")
    refused(staff(shop, *add, user="boss", lines=["wrong-pass", KASSE]),
            "Wrong user name or password")  # fmt: skip
    refused(staff(shop, *add, user="nobody", lines=["whatever", KASSE]),
            "Wrong user name or password")  # fmt: skip
    refused(staff(shop, *add, user="boss", lines=[BOSS, "123"]),
            "The password must have at least 6 characters")  # fmt: skip
    refused(staff(shop, "add", "mgr", "--name", "X", "--role", "cashier", user="boss",
                  lines=[BOSS, KASSE]), "The user name mgr is taken")  # fmt: skip
    refused(staff(shop, "add", "m2", "--name", "X", "--role", "manager", user="mgr",
                  lines=[MGR, KASSE]),
            "You cannot create or change an account above your own role")  # fmt: skip
    ok(staff(shop, *add, user="boss", lines=[BOSS, KASSE]))
    # a cashier is refused before being asked for a new password
    refused(staff(shop, "add", "k2", "--name", "X", "--role", "cashier", user="kasse",
                  lines=[KASSE]),
            "Not allowed: manage staff needs a manager's or owner's approval")  # fmt: skip
    r = staff(shop, "add", "k2", "--name", "X", "--role", "cashier", user="kasse",
              lines=[KASSE], lang="zh_CN")  # fmt: skip
    refused(r, "没有权限：管理员工，需要店长或老板授权")
    r = staff(shop, "add", "mgr", "--name", "X", "--role", "cashier", user="boss",
              lines=[BOSS, KASSE], lang="zh_CN")  # fmt: skip
    refused(r, "用户名 mgr 已被使用")
    assert "Traceback" not in r.stderr


def test_passwd_resets_a_forgotten_password_and_lifts_a_lock(shop: str) -> None:
    ok(staff(shop, "add", "kasse", "--name", "王小明", "--role", "cashier", user="boss",
             lines=[BOSS, KASSE]))  # fmt: skip
    for _ in range(4):  # staff.max_failed_logins is 5
        refused(staff(shop, "list", user="kasse", lines=["forgotten"]),
                "Wrong user name or password")  # fmt: skip
    refused(staff(shop, "list", user="kasse", lines=["forgotten"]),
            "Too many wrong passwords: the account is locked for 15 minutes")  # fmt: skip
    shown = ok(staff(shop, "list", user="boss", lines=[BOSS])).splitlines()[3].split()
    assert shown[:4] == ["kasse", "王小明", "cashier", "active"] and len(shown) == 6  # date time

    out = ok(staff(shop, "passwd", "kasse", user="mgr", lines=[MGR, "kasse-new-1"]))
    assert out == "password reset: kasse\n"
    assert can_log_in(shop, "kasse", "kasse-new-1")
    assert ok(staff(shop, "list", user="boss", lines=[BOSS])).splitlines()[3].split() == [
        "kasse", "王小明", "cashier", "active"]  # fmt: skip

    refused(staff(shop, "passwd", "boss", user="mgr", lines=[MGR, "new-pass-1"]),
            "You cannot create or change an account above your own role")  # fmt: skip
    refused(staff(shop, "passwd", "ghost", user="boss", lines=[BOSS, "new-pass-1"]),
            "No staff member ghost")  # fmt: skip
    refused(staff(shop, "passwd", "kasse", user="boss", lines=[BOSS, "12345"]),
            "The password must have at least 6 characters")  # fmt: skip
    refused(staff(shop, "passwd", "kasse", user="boss", lines=["bad-pass", "new-pass-1"]),
            "Wrong user name or password")  # fmt: skip
    refused(staff(shop, "passwd", "boss", user="kasse", lines=["kasse-new-1", "new-pass-1"]),
            "Not allowed: manage staff needs a manager's or owner's approval")  # fmt: skip
    r = staff(shop, "passwd", "ghost", user="boss", lines=[BOSS, "new-pass-1"], lang="zh_CN")
    refused(r, "找不到员工 ghost")


def test_passwd_changes_ones_own(shop: str) -> None:
    refused(staff(shop, "passwd", user="mgr", lines=["not-it", "mgr-pass-2"]),
            "Wrong user name or password")  # fmt: skip
    refused(staff(shop, "passwd", user="mgr", lines=[MGR, "short"]),
            "The password must have at least 6 characters")  # fmt: skip
    # naming oneself is the same as no USERNAME: old password, then the new one
    out = ok(staff(shop, "passwd", "mgr", user="mgr", lines=[MGR, "mgr-pass-2"], lang="zh_CN"))
    assert out == "密码已修改: mgr\n"
    assert can_log_in(shop, "mgr", "mgr-pass-2") and not can_log_in(shop, "mgr", MGR)


def test_deactivate_and_activate(shop: str) -> None:
    ok(staff(shop, "add", "kasse", "--name", "王小明", "--role", "cashier", user="boss",
             lines=[BOSS, KASSE]))  # fmt: skip
    assert ok(staff(shop, "deactivate", "kasse", user="mgr", lines=[MGR])) == "deactivated: kasse\n"
    refused(staff(shop, "passwd", user="kasse", lines=[KASSE, "kasse-pass-2"]),
            "This account is disabled")  # fmt: skip
    row = ok(staff(shop, "list", user="boss", lines=[BOSS], lang="zh_CN")).splitlines()[3]
    assert row.split() == ["kasse", "王小明", "收银员", "已停用"]
    out = ok(staff(shop, "activate", "kasse", user="mgr", lines=[MGR], lang="zh_CN"))
    assert out == "已启用: kasse\n"
    assert can_log_in(shop, "kasse", KASSE)

    refused(staff(shop, "deactivate", "boss", user="mgr", lines=[MGR]),
            "You cannot create or change an account above your own role")  # fmt: skip
    refused(staff(shop, "deactivate", "boss", user="boss", lines=[BOSS]),
            "The last owner account cannot be disabled")  # fmt: skip
    refused(staff(shop, "deactivate", "boss", user="boss", lines=[BOSS], lang="zh_CN"),
            "不能停用最后一位老板账号")  # fmt: skip
    refused(staff(shop, "activate", "ghost", user="boss", lines=[BOSS]), "No staff member ghost")
    refused(staff(shop, "deactivate", "kasse", user="kasse", lines=[KASSE]),
            "Not allowed: manage staff needs a manager's or owner's approval")  # fmt: skip
