"""One recogniser for a full disk and a busy database (memberdesk.db.errors), used by
the unit of work, the opening of the file and the CLI: a user error, never damage."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from memberdesk.cli import main
from memberdesk.db import Database, errors, migrate
from memberdesk.db.engine import make_engine
from memberdesk.paths import DataPaths
from memberdesk.services.shared.errors import StorageError


def wrapped(text: str) -> OperationalError:
    return OperationalError("INSERT", {}, sqlite3.OperationalError(text))


@pytest.mark.parametrize(("exc", "problem"), [
    (sqlite3.OperationalError("database or disk is full"), errors.DISK_FULL),
    (wrapped("database or disk is full"), errors.DISK_FULL),
    (OSError(errno.ENOSPC, "No space left on device"), errors.DISK_FULL),
    (OSError(errno.EDQUOT, "Disk quota exceeded"), errors.DISK_FULL),
    (sqlite3.OperationalError("database is locked"), errors.BUSY),
    (wrapped("database is locked"), errors.BUSY),
    (sqlite3.OperationalError("no such table: members"), None),
    (sqlite3.DatabaseError("database disk image is malformed"), None),
    (OSError(errno.EACCES, "Permission denied"), None),
    (ValueError("database or disk is full"), None),  # only driver and OS errors count
    # the network edition: the server gone (no answer, shut down, restarting) or a row
    # another till holds past lock_timeout; a refused statement is not a lost server
    (psycopg.OperationalError("server closed the connection unexpectedly"), errors.SERVER_LOST),
    (OperationalError("COMMIT", {}, psycopg.OperationalError("consuming input failed")),
     errors.SERVER_LOST),
    (psycopg.errors.AdminShutdown("terminating connection"), errors.SERVER_LOST),
    (psycopg.errors.CannotConnectNow("the database system is starting up"), errors.SERVER_LOST),
    (psycopg.errors.ConnectionFailure("connection failure"), errors.SERVER_LOST),
    (psycopg.errors.LockNotAvailable("lock timeout"), errors.BUSY),
    (psycopg.errors.UniqueViolation("duplicate key"), None),
    (psycopg.errors.QueryCanceled("canceling statement"), None),
])
def test_storage_problem(exc: BaseException, problem: str | None) -> None:
    assert errors.storage_problem(exc) == problem


def test_a_bare_io_error_is_a_full_disk_only_when_space_is_low(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    io = sqlite3.OperationalError("disk I/O error")
    io.sqlite_errorcode = 10  # type: ignore[attr-defined]
    monkeypatch.setattr(errors, "_free_bytes", lambda path: 4096)
    assert errors.storage_problem(io, tmp_path) == errors.DISK_FULL
    assert errors.storage_problem(io) is None  # without a place to look: not claimed
    monkeypatch.setattr(errors, "_free_bytes", lambda path: 10 * 1024 * 1024)
    assert errors.storage_problem(io, tmp_path) is None


def test_the_messages_say_nothing_was_saved_in_both_languages() -> None:
    full, busy = StorageError(errors.DISK_FULL), StorageError(errors.BUSY)
    assert full.message("en") == "The disk is full: nothing was saved. Free some space and try again"
    assert "磁盘已满" in full.message() and "没有保存任何内容" in full.message()
    assert "Nothing was saved" in busy.message("en") and "没有保存任何内容" in busy.message()


@pytest.mark.parametrize(("text", "code"), [
    ("database or disk is full", errors.DISK_FULL), ("database is locked", errors.BUSY)])
def test_the_unit_of_work_maps_a_failed_commit_and_rolls_back(
    db: Database, shop: object, monkeypatch: pytest.MonkeyPatch, text: str, code: str
) -> None:
    from memberdesk.models import Shop

    real = Session.commit

    def failing(self: Session) -> None:
        raise wrapped(text)

    with pytest.raises(StorageError) as err, db.uow() as uow:
        uow.session.get(Shop, 1).name = "改过的名字"  # type: ignore[union-attr]
        monkeypatch.setattr(Session, "commit", failing)
        uow.commit()
    monkeypatch.setattr(Session, "commit", real)
    assert err.value.code == code
    with db.reader() as uow:
        assert uow.session.get(Shop, 1).name == "测试便利店"  # type: ignore[union-attr]


def test_the_unit_of_work_maps_an_error_inside_the_block(db: Database) -> None:
    with pytest.raises(StorageError) as err, db.uow():
        raise sqlite3.OperationalError("database or disk is full")
    assert err.value.code == errors.DISK_FULL
    with pytest.raises(sqlite3.OperationalError), db.uow():  # anything else stays as it was
        raise sqlite3.OperationalError("no such table: members")


def test_a_database_held_by_another_program_is_busy_not_a_crash(
    data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from memberdesk.db import engine as engine_mod

    monkeypatch.setattr(engine_mod, "BUSY_TIMEOUT_MS", 100)
    db = Database(make_engine(data_paths.database))
    other = sqlite3.connect(data_paths.database, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as err, db.uow() as uow:
            uow.session.execute(text("UPDATE shop SET name = name"))
        assert err.value.code == errors.BUSY
    finally:
        other.rollback()
        other.close()
        db.close()


def test_opening_on_a_full_disk_is_not_called_damage(
    data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = sqlite3.connect

    class FullConnection:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, *args: object) -> object:
            err = sqlite3.OperationalError("disk I/O error")
            err.sqlite_errorcode = 4874  # type: ignore[attr-defined]  # SQLITE_IOERR_SHMSIZE
            raise err

        def close(self) -> None:
            self.conn.close()

    monkeypatch.setattr(migrate.sqlite3, "connect",
                        lambda *a, **k: FullConnection(real_connect(*a, **k)))
    with pytest.raises(migrate.DatabaseError) as err:
        migrate.inspect_file(data_paths.database)
    assert err.value.code == errors.DISK_FULL


@pytest.mark.parametrize("raised", [
    StorageError(errors.DISK_FULL), wrapped("database or disk is full")])
def test_the_cli_says_a_storage_problem_in_one_line(
    data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    raised: Exception,
) -> None:
    """Whether a command words it or not, one line on stderr and exit code 1."""
    from memberdesk.cli import db_cmds

    def check(args: object) -> int:
        raise raised

    monkeypatch.setenv("MEMBERDESK_LANG", "en")
    monkeypatch.setattr(db_cmds, "cmd_check", check)
    assert main(["db", "check", "--data-dir", str(data_paths.root)]) == 1
    assert capsys.readouterr().err == (
        "memberdesk: The disk is full: nothing was saved. Free some space and try again\n")


def test_a_bug_in_a_command_still_raises(
    data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from memberdesk.cli import db_cmds

    def check(args: object) -> int:
        raise sqlite3.OperationalError("no such table: members")

    monkeypatch.setattr(db_cmds, "cmd_check", check)
    with pytest.raises(sqlite3.OperationalError):
        main(["db", "check", "--data-dir", str(data_paths.root)])
