"""``memberdesk reader test`` on a real PC/SC stack: a private pcscd with the
vsmartcard vpcd driver and virtual cards (tests/support). The command runs as a
subprocess; cards are presented one after another and each gives one line.

Without pcscd/vpcd this skips, except with CI=true, where it fails."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.pcscd import (
    VPCD_READER,
    PcscdProcess,
    started_pcscd,
    wait_reader_empty,
)
from tests.support.vpcd_card import VirtualCard

LINE_TIMEOUT = 10.0


@pytest.fixture(scope="module")
def pcscd() -> Iterator[PcscdProcess]:
    yield from started_pcscd()


@pytest.fixture
def shop(tmp_path: Path) -> str:
    """A shop with a member whose card works, one whose card is lost, one voided."""
    from memberdesk.db import Database
    from memberdesk.paths import DataPaths
    from memberdesk.services.loyalty.enrol import register_member
    from memberdesk.services.members.cards import report_card_lost, void_card
    from memberdesk.services.shop.setup import init_shop

    d = tmp_path / "shop"
    db = Database.open(DataPaths(d))
    try:
        owner = init_shop(db, shop_name="读卡测试店", owner_username="boss",
                          owner_display_name="老板", owner_password="boss-pass")  # fmt: skip
        register_member(db, owner, phone="13800138000", name="张三", card_uid="04A1B2C3")
        register_member(db, owner, phone="13900139000", name="李四", card_uid="0455667788AA11")
        register_member(db, owner, phone="13700137000", name="王五", card_uid="A1B2C3D4")
        report_card_lost(db, owner, "0455667788AA11")
        void_card(db, owner, "A1B2C3D4")
    finally:
        db.close()
    return str(d)


class Lines:
    """The command's stdout, line by line, with a timeout per line."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self._q: queue.Queue[str | None] = queue.Queue()
        assert proc.stdout is not None
        stdout = proc.stdout

        def pump() -> None:
            for line in stdout:
                self._q.put(line.rstrip("\n"))
            self._q.put(None)

        threading.Thread(target=pump, daemon=True).start()

    def until(self, text: str, timeout: float = LINE_TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._q.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} within {timeout} s; saw {self.seen!r}")


def present(card: VirtualCard, lines: Lines, text: str) -> str:
    card.insert()
    try:
        return lines.until(text)
    finally:
        card.remove()
        assert wait_reader_empty(VPCD_READER), "pcscd did not notice the card leave"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_reader_test_names_each_card(pcscd: PcscdProcess, shop: str, lang: str) -> None:
    assert pcscd.running
    proc = subprocess.Popen(
        [sys.executable, "-m", "memberdesk.cli", "reader", "test", "--data-dir", shop,
         "--timeout", "60", "--cards", "4"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "MEMBERDESK_LANG": lang, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        lines = Lines(proc)
        lines.until("readers:" if lang == "en" else "读卡器：")
        assert lines.until(VPCD_READER).strip() == VPCD_READER
        lines.until("present a card" if lang == "en" else "请刷卡")
        bound = present(VirtualCard("04A1B2C3"), lines, "04A1B2C3")
        assert bound == "04A1B2C3  M000001  张三  138****8000"
        lost = present(VirtualCard("0455667788AA11"), lines, "0455667788AA11")
        assert lost == (
            "0455667788AA11  card reported lost (M000002)"
            if lang == "en"
            else "0455667788AA11  已挂失 (M000002)"
        )
        unknown = present(VirtualCard(bytes.fromhex("DEADBEEF")), lines, "DEADBEEF")
        assert unknown == ("DEADBEEF  unknown card" if lang == "en" else "DEADBEEF  未知卡")
        void = present(VirtualCard("A1B2C3D4"), lines, "A1B2C3D4")
        assert "unknown card" in void or "未知卡" in void
        lines.until("4 card(s) read" if lang == "en" else "共读到 4 张卡")
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stderr = proc.stderr.read() if proc.stderr else ""
    assert "Traceback" not in stderr, stderr


def test_reader_test_without_pcscd_is_one_line(shop: str, tmp_path: Path) -> None:
    """No PC/SC service: exit 2 with one line (pcscd is pointed at a socket that
    does not exist, so this never disturbs a running pcscd)."""
    r = subprocess.run(
        [sys.executable, "-m", "memberdesk.cli", "reader", "test", "--data-dir",
         shop, "--timeout", "1"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "MEMBERDESK_LANG": "en",
             "PCSCLITE_CSOCK_NAME": str(tmp_path / "no-such.comm")},
    )  # fmt: skip
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith("memberdesk: no PC/SC service")
