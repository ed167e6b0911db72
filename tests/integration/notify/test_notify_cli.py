"""``memberdesk notifications send|log|call-list`` (in-process, on the frozen shop clock)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from memberdesk.cli import main
from tests.checkout_support.kit import World

from .conftest import ShopClock, configure
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


def test_the_secret_is_never_printed_logged_or_audited_by_the_commands(
        world: World, aliyun: FakeSms, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, shop_clock: ShopClock) -> None:
    """``settings set`` / ``settings list`` say only whether the secret is set; a send
    that the provider refuses (a wrong secret) and one that goes through leave it out
    of the output, the system log and the audit log."""
    from sqlalchemy import select

    from memberdesk.models import AuditEntry

    w = world
    secret = "Sx9-very-secret-value"
    monkeypatch.setenv("MEMBERDESK_LANG", "en")
    configure(w, aliyun, "balance", sms__access_key_secret="")
    assert w.db.paths is not None
    root = str(w.db.paths.root)
    monkeypatch.setattr("sys.stdin", io.StringIO("owner-pass\n"))
    code = main(["settings", "set", "sms.access_key_secret", secret, "--data-dir", root,
                 "--user", "owner"])
    out = capsys.readouterr()
    assert code == 0 and out.out.strip() == "sms.access_key_secret: not set -> set"
    assert main(["settings", "list", "--data-dir", root]) == 0
    listed = capsys.readouterr().out
    assert any(line.startswith("sms.access_key_secret") and " set " in line
               for line in listed.splitlines())
    aliyun.secret = "the provider expects another"  # a wrong secret: refused
    w.recharge("alice", "20")
    assert main(cli(w, "send")) == 0
    assert not aliyun.signed
    aliyun.secret = secret
    shop_clock.advance(hours=1)  # the message waited; now the right secret
    main(cli(w, "send"))
    printed = capsys.readouterr()
    assert aliyun.signed  # the right secret signed a request
    logs = "".join(p.read_text(errors="replace") for p in w.db.paths.logs.rglob("*")
                   if p.is_file())
    assert "SignatureDoesNotMatch" in logs  # the refusal is in the system log
    with w.db.reader() as r:
        audit = " ".join(r.session.scalars(select(AuditEntry.detail)))
    assert "sms.access_key_secret" in audit  # the change is audited, as set or not
    for text in (out.out, out.err, listed, printed.out, printed.err, logs, audit):
        assert secret not in text
