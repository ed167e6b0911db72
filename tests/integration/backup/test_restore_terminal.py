"""`memberdesk restore` on a terminal (issue 11): after the password it prints what the
restore takes back and asks for "yes"; "no" restores nothing (the member registered
after the backup is still there, no safety copy is written), "yes" restores. Run with a
pseudo-terminal, as an owner at a shell would."""

from __future__ import annotations

import os
import pty
import select
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from memberdesk.db import Database
from memberdesk.services.backup.create import create_backup
from memberdesk.services.backup.files import list_backups
from memberdesk.services.loyalty.enrol import register_member

PASSWORD_PROMPT = "的密码 / password: "
YES_PROMPT = "restore? type yes: "


def phones(root: Path) -> list[str]:
    conn = sqlite3.connect(root / "memberdesk.sqlite3")
    try:
        return [r[0] for r in conn.execute("SELECT phone FROM members")]
    finally:
        conn.close()


class Terminal:
    """``memberdesk`` with a pseudo-terminal as its standard input and output."""

    def __init__(self, *args: str) -> None:
        self.master, slave = pty.openpty()
        env = {**os.environ, "MEMBERDESK_LANG": "zh_CN"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "memberdesk.cli", *args], stdin=slave, stdout=slave,
            stderr=slave, env=env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.seen = ""

    def wait_for(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"no {text!r} in {self.seen!r}"
            ready, _, _ = select.select([self.master], [], [], min(left, 1.0))
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the program ended: its side of the terminal is closed
                    chunk = b""
                if not chunk:
                    assert text in self.seen, f"ended without {text!r}: {self.seen!r}"
                self.seen += chunk.decode("utf-8", "replace")

    def type(self, line: str) -> None:
        os.write(self.master, (line + "\n").encode())

    def finish(self) -> int:
        code = self.proc.wait(timeout=120)
        while True:
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.seen += chunk.decode("utf-8", "replace")
        os.close(self.master)
        return code


@pytest.fixture
def shop(db: Database, staff) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A backup, then a member registered after it; the database closed."""
    backup = create_backup(db, staff["owner"]).path
    register_member(db, staff["owner"], phone="13600000006", name="吴十")
    paths = db.paths
    assert paths is not None
    db.close()
    return backup, paths.root


def run_and_answer(backup: Path, root: Path, answer: str) -> tuple[int, str]:
    term = Terminal("restore", str(backup), "--data-dir", str(root))
    term.wait_for(PASSWORD_PROMPT)
    term.type("owner-pass")
    term.wait_for(YES_PROMPT)
    term.type(answer)
    return term.finish(), term.seen


def test_no_on_the_terminal_restores_nothing(shop: tuple[Path, Path]) -> None:
    backup, root = shop
    copies = list_backups(root / "backups")
    code, seen = run_and_answer(backup, root, "no")
    assert code != 0
    assert "owner-pass" not in seen  # the password is not echoed
    assert "会员：新登记 1 位" in seen  # what it would have taken back
    assert "未恢复，什么都没有改变" in seen
    assert "13600000006" in phones(root)  # (the log-in itself is recorded: not byte-equal)
    assert list_backups(root / "backups") == copies  # no copy "before a restore"


def test_yes_on_the_terminal_restores(shop: tuple[Path, Path]) -> None:
    backup, root = shop
    code, seen = run_and_answer(backup, root, "yes")
    assert code == 0, seen
    assert f"已恢复: {backup.name}" in seen
    kinds = [b.kind for b in list_backups(root / "backups")]
    assert "pre-restore" in kinds
    assert "13600000006" not in phones(root)  # registered after the backup: gone
