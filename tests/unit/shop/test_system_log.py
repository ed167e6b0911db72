"""The system log viewer's reading (issue 11 item 6): the newest records of the
rotating log first, a traceback kept with its record, a level filter, rotated
files read when the newest holds too few, owner only."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from memberdesk.services.shared.errors import PermissionDenied
from memberdesk.services.shop.system_log import parse_records, read_log_folder, read_system_log

HEAD = "2026-12-03 08:00:0{n},123 {level} memberdesk.x [MainThread] {text}"


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_traceback_stays_with_its_record() -> None:
    text = "\n".join([HEAD.format(n=1, level="INFO", text="start"),
                      HEAD.format(n=2, level="ERROR", text="boom"),
                      "Traceback (most recent call last):", '  File "x.py", line 1',
                      "ValueError: 坏了"])
    records = parse_records(text)
    assert [(r.level, r.text.splitlines()[0]) for r in records] == [("INFO", "start"),
                                                                   ("ERROR", "boom")]
    assert records[1].text.endswith("ValueError: 坏了") and records[1].source == "memberdesk.x"


def test_newest_first_filtered_by_level_across_rotated_files(tmp_path: Path) -> None:
    _write(tmp_path / "memberdesk.log", [HEAD.format(n=5, level="INFO", text="new info"),
                                         HEAD.format(n=6, level="WARNING", text="new warning")])
    _write(tmp_path / "memberdesk.log.1", [HEAD.format(n=1, level="ERROR", text="old error"),
                                           HEAD.format(n=2, level="INFO", text="old info")])
    every = read_log_folder(tmp_path, "DEBUG")
    assert [r.text for r in every.records] == ["new warning", "new info", "old info", "old error"]
    warnings = read_log_folder(tmp_path, "WARNING")
    assert [r.text for r in warnings.records] == ["new warning", "old error"]
    two = read_log_folder(tmp_path, "DEBUG", limit=2)
    assert [r.text for r in two.records] == ["new warning", "new info"] and two.more
    assert read_log_folder(tmp_path / "none").records == ()


def test_the_shops_own_log_for_the_owner_only(db, staff) -> None:  # type: ignore[no-untyped-def]
    from memberdesk.logsetup import setup_logging

    setup_logging(db.paths.logs)
    root = logging.getLogger()
    try:
        logging.getLogger("memberdesk.test").warning("磁盘快满了")
        for handler in root.handlers:
            handler.flush()
        tail = read_system_log(db, staff["owner"], "WARNING")
        assert tail.folder == db.paths.logs
        assert (tail.records[0].level, tail.records[0].text) == ("WARNING", "磁盘快满了")
        with pytest.raises(PermissionDenied):
            read_system_log(db, staff["manager"])
    finally:
        for handler in list(root.handlers):
            if getattr(handler, "_memberdesk", False):
                root.removeHandler(handler)
                handler.close()
