"""One module decides where data, backups and logs live; tests never touch real home."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from memberdesk.logsetup import setup_logging
from memberdesk.paths import DB_FILENAME, resolve_data_dir


def test_explicit_dir_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERDESK_HOME", str(tmp_path / "env"))
    p = resolve_data_dir(tmp_path / "explicit")
    assert p.root == (tmp_path / "explicit").resolve()
    assert p.database.name == DB_FILENAME
    assert p.backups.parent == p.root and p.logs.parent == p.root


def test_env_then_platform_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERDESK_HOME", str(tmp_path / "env"))
    assert resolve_data_dir().root == (tmp_path / "env").resolve()
    monkeypatch.delenv("MEMBERDESK_HOME")
    default = resolve_data_dir().root
    # The guard fixture points XDG_DATA_HOME into tmp: the default follows it.
    assert str(default).startswith(str(tmp_path))
    assert default.name == "MemberDesk"


def test_rotating_log(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "logs")
    logging.getLogger("memberdesk.test").warning("你好 log")
    for h in logging.getLogger().handlers:
        h.flush()
    assert "你好 log" in log_file.read_text(encoding="utf-8")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_memberdesk", False))
    assert handler.maxBytes > 0 and handler.backupCount >= 3  # type: ignore[attr-defined]
