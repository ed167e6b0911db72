"""``memberdesk analytics refresh`` and ``memberdesk analytics members --xlsx`` as real
subprocesses on a shop with a history (made on a frozen clock in March 2026, so every
command names its ``--as-of`` date): the refresh's summary, the workbook's columns in the
issue's order read back with python-calamine, its figures agreeing with the refresh's
rows, the export audited, and every refusal one line on stderr with exit code 1."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from python_calamine import CalamineWorkbook
from sqlalchemy import select

from memberdesk.models import AuditEntry, MemberScore
from tests.checkout_support.kit import World

from .conftest import DAY, cli_env

AS_OF = (DAY + timedelta(days=40)).isoformat()


def run(w: World, *args: str, user: str = "manager", password: str = "manager-pass",
        lang: str = "en") -> subprocess.CompletedProcess[str]:
    assert w.db.paths is not None
    return subprocess.run(
        [sys.executable, "-m", "memberdesk.cli", "analytics", args[0],
         "--data-dir", str(w.db.paths.root), "--user", user, *args[1:]],
        input=password + "\n", capture_output=True, text=True, timeout=120,
        env=cli_env(w, lang))


def refused(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    return r.stderr.removeprefix("memberdesk: ").rstrip("\n")


def test_refresh_writes_the_scores_and_says_what_it_did(history: World) -> None:
    r = run(history, "refresh", "--as-of", AS_OF)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        f"member analytics refreshed as of {AS_OF}: 3 members, 2 scored, 1 churn warnings",
        # a past date: the counter shows it until tomorrow's job (the shop's today is
        # the real one in a subprocess)
        "note: the counter's member cards now show this date's figures until tomorrow's "
        "daily job or a refresh without --as-of",
        # alice's chips (days 0, 7, 14) are due on day 40: the counter suggests them
        "counter suggestions: 1 members with regular products due, 0 bought-together rows"]
    zh = run(history, "refresh", "--as-of", AS_OF, lang="zh_CN")
    assert zh.stdout.startswith(f"会员分析已更新（截至 {AS_OF}）：3 位会员")
    with history.db.reader() as rd:
        rows = {mid: (str(day), kind) for mid, day, kind in rd.session.execute(
            select(MemberScore.member_id, MemberScore.as_of, MemberScore.churn_kind))}
    assert {day for day, _ in rows.values()} == {AS_OF}
    assert rows[history.members["alice"]][1] == "gap"


def test_members_xlsx_has_the_issues_columns_in_order(history: World, tmp_path: Path) -> None:
    out = tmp_path / "analytics.xlsx"
    r = run(history, "members", "--xlsx", str(out), "--as-of", AS_OF)
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"exported the analytics of 3 members as of {AS_OF} to {out}\n"
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Member analytics")
    rows = sheet.to_python()
    assert rows[0] == ["Member no.", "R (days)", "F", "M (yuan)", "R score", "F score",
                       "M score", "Segment", "Grade", "Lifecycle", "Churn warning",
                       "Churn reason", "P(alive)", "Expected purchases in 30 days"]
    by_no = {row[0]: row for row in rows[1:]}
    assert len(by_no) == 3
    alice = by_no[history.member("alice").member_no]
    assert alice[1:4] == [26, 3, 52.8]  # 3 x 2 bags of chips; the refunded wash is not
    assert alice[4:7] == [3, 5, 5]
    assert alice[8:12] == ["A", "Active", "yes",
                           "Usually every 7 days; not seen for 26 days"]
    carol = by_no[history.member("carol").member_no]
    assert carol[1:3] == ["", 0] and carol[8:12] == ["D", "Dormant", "no", ""]
    with history.db.reader() as rd:
        audited = rd.session.scalars(select(AuditEntry.action).where(
            AuditEntry.action == "analytics.export")).all()
    assert audited == ["analytics.export"]


def test_members_xlsx_in_chinese(history: World, tmp_path: Path) -> None:
    out = tmp_path / "分析.xlsx"
    r = run(history, "members", "--xlsx", str(out), "--as-of", AS_OF, lang="zh_CN")
    assert r.returncode == 0, r.stderr
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("会员分析").to_python()
    assert rows[0][:4] == ["会员编号", "R（天）", "F（次）", "M（元）"]
    alice = next(row for row in rows if row[0] == history.member("alice").member_no)
    assert alice[9:12] == ["活跃", "是", "平时约 7 天来一次，已 26 天未来"]


def test_refusals_are_one_line_and_exit_1(history: World, tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    msg = refused(run(history, "members", "--xlsx", str(out), "--as-of", AS_OF,
                      user="cashier", password="cashier-pass"))
    assert "export" in msg.lower() and not out.exists()
    msg = refused(run(history, "refresh", "--as-of", "2026-02-30"))
    assert msg == "2026-02-30 is not a valid date (YYYY-MM-DD)"
    msg = refused(run(history, "refresh", "--as-of", "2999-01-01"))
    assert msg.startswith("The analysis date 2999-01-01 is after the shop's today")
    zh = refused(run(history, "refresh", "--as-of", "2999-01-01", lang="zh_CN"))
    assert zh.startswith("分析日期 2999-01-01 晚于门店今天")
    refused(run(history, "refresh", password="wrong"))
