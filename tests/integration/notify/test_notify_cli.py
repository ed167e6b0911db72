"""``memberdesk notifications send|log|call-list`` (in-process, on the frozen shop clock)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from memberdesk.cli import main
from tests.checkout_support.kit import World

from .conftest import configure
from .fake_sms import FakeSms


def cli(w: World, action: str, *more: str) -> list[str]:
    assert w.db.paths is not None
    return ["notifications", action, "--data-dir", str(w.db.paths.root), *more]


def test_send_log_and_the_call_list(
    world: World, aliyun: FakeSms, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    w = world
    monkeypatch.setenv("MEMBERDESK_LANG", "en")
    configure(w, aliyun, "balance")
    w.recharge("alice", "20")
    assert main(cli(w, "send")) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "sent 1, failed 0, unknown 0, waiting 0, not sent 0")
    assert main(cli(w, "send")) == 0  # again: nothing more
    assert capsys.readouterr().out.startswith("sent 0,")
    assert len(aliyun.signed) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("cashier-pass\n"))
    assert main(cli(w, "log", "--user", "cashier")) == 1  # not a cashier's
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "manage text messages" in err[0]
    monkeypatch.setattr("sys.stdin", io.StringIO("manager-pass\n"))
    assert main(cli(w, "log", "--user", "manager", "--status", "sent")) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and " sent Balance change " in out[0] and "13800000001" in out[0]
    assert "+¥20.00" in out[0] and out[1] == "2026-03: 1 sent, about ¥0.05"
    monkeypatch.setattr("sys.stdin", io.StringIO("manager-pass\n"))
    assert main(cli(w, "call-list", "--user", "manager", "--folder", str(tmp_path))) == 0
    path = tmp_path / "call-list_2026-03-10.xlsx"
    assert capsys.readouterr().out.strip() == f"written: {path}"
    rows = [r for ws in load_workbook(path, read_only=True).worksheets
            for r in ws.iter_rows(values_only=True)]
    found = [r for r in rows if r and "13800000001" in [str(c) for c in r]]
    assert len(found) == 1 and any("+¥20.00" in str(c) for c in found[0])


def test_send_without_a_provider_says_why(world: World, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERDESK_LANG", "en")
    assert main(cli(world, "send")) == 0
    assert capsys.readouterr().out.splitlines()[1] == "stopped: no SMS provider chosen"
