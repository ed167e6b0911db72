"""Start-up reads nothing that grows with the shop's trading (issue 16).

The login screen is filled in from :func:`memberdesk.db.peek.peek_login` (plain sqlite3,
before SQLAlchemy loads), and the full open that follows (recognise, migrate check,
the login facts through the services) must stay as cheap on a shop with a million
members as on a new one. Both are checked by their statements: the peek's five, and
every statement of the full open, whose SQLite query plans may scan only tables that
do not grow with members, sales or ledgers.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from memberdesk.db import Database, peek as peek_mod
from memberdesk.db.migrate import HEAD_REVISION
from memberdesk.db.peek import DEFAULT_UTC_OFFSET_MINUTES, TIMEZONE_KEY, LoginInfo, peek_login
from memberdesk.models.enums import Role
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.setting_specs import SPECS
from memberdesk.services.shared.settings import change_settings
from memberdesk.services.shifts.shift import open_shift
from memberdesk.services.staff.accounts import create_staff, login, set_staff_active
from memberdesk.ui.shell.shop_access import load_login_info, open_database

# Tables whose size is the shop's set-up, not its trading: a start-up may read them whole.
SMALL_TABLES = {"staff", "settings", "shop", "alembic_version", "stores", "sqlite_master",
                "sqlite_schema"}  # fmt: skip
_SCANNED = re.compile(r"\bSCAN (?:TABLE )?(\w+)")


def _staffed(db: Database, owner: Actor) -> None:
    create_staff(db, owner, username="cashier", display_name="小李", role=Role.CASHIER,
                 password="cashier-pass")  # fmt: skip
    create_staff(db, owner, username="gone", display_name="走了", role=Role.CASHIER,
                 password="gone-pass-1")  # fmt: skip
    set_staff_active(db, owner, "gone", False)


def _scans(path: Path, statements: list[tuple[str, Any]]) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        scanned: set[str] = set()
        for sql, params in statements:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params or ()):
                scanned.update(_SCANNED.findall(str(row[-1])))
        return scanned
    finally:
        conn.close()


def test_the_peek_reads_what_the_services_read(db: Database, shop: Actor) -> None:
    _staffed(db, shop)
    change_settings(db, shop, {TIMEZONE_KEY: 420})
    peeked = peek_login(db.paths.database if db.paths else Path())
    assert peeked == load_login_info(db)
    assert peeked == LoginInfo("测试便利店", [("owner", "王老板"), ("cashier", "小李")], 420)
    # who has a shift open on this till (the login list chooses them first)
    open_shift(db, login(db, "cashier", "cashier-pass"), Money(0))
    peeked = peek_login(db.paths.database if db.paths else Path())
    assert peeked == load_login_info(db)
    assert peeked is not None and peeked.open_shift == "cashier"


def test_the_peek_default_time_zone_is_the_setting_default() -> None:
    assert SPECS[TIMEZONE_KEY].default == DEFAULT_UTC_OFFSET_MINUTES


def test_the_peek_leaves_anything_unusual_to_the_full_open(tmp_path: Path, db: Database) -> None:
    assert db.paths is not None
    path = db.paths.database
    assert peek_login(path) is None  # migrated but not set up: the set-up screen
    assert peek_login(tmp_path / "none.sqlite3") is None
    (tmp_path / "text.sqlite3").write_text("not a database", encoding="utf-8")
    assert peek_login(tmp_path / "text.sqlite3") is None
    older = tmp_path / "older.sqlite3"
    conn = sqlite3.connect(older)
    conn.executescript("CREATE TABLE alembic_version (version_num TEXT);"
                       "INSERT INTO alembic_version VALUES ('0025_older');"
                       "CREATE TABLE shop (id INTEGER PRIMARY KEY, name TEXT);"
                       "INSERT INTO shop VALUES (1, 'x');")  # fmt: skip
    conn.close()
    assert peek_login(older) is None  # to be backed up and migrated first


def test_the_peek_sends_five_keyed_reads(
    db: Database, shop: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    _staffed(db, shop)
    assert db.paths is not None
    sent: list[str] = []
    connect = sqlite3.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(sent.append)
        return conn

    monkeypatch.setattr(peek_mod.sqlite3, "connect", traced)
    assert peek_login(db.paths.database) is not None
    assert len(sent) == 5, sent
    plans = _scans(db.paths.database, [(s.replace(f"'{TIMEZONE_KEY}'", "?"), (TIMEZONE_KEY,))
                                       if TIMEZONE_KEY in s else (s, ()) for s in sent])
    assert plans <= {"staff", "alembic_version", "stores"}, plans


def test_the_full_open_scans_no_table_that_grows(tmp_path: Path, db: Database, shop: Actor) -> None:
    """Every statement from opening the file to the login facts, by its query plan."""
    _staffed(db, shop)
    assert db.paths is not None
    paths = db.paths
    db.close()
    statements: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, sql: str, params: Any, ctx: Any, many: bool) -> None:
        statements.append((sql, params))

    event.listen(Engine, "before_cursor_execute", capture)
    try:
        opened = open_database(paths)
        assert isinstance(opened, Database)
        info = load_login_info(opened)
        opened.close()
    finally:
        event.remove(Engine, "before_cursor_execute", capture)
    assert info.shop_name == "测试便利店"
    selects = [s for s in statements if s[0].lstrip().upper().startswith("SELECT")]
    assert selects, statements
    scanned = _scans(paths.database, selects)
    assert scanned <= SMALL_TABLES, scanned - SMALL_TABLES


def test_the_login_screen_fills_in_before_the_database_stack_loads(db: Database,
                                                                   shop: Actor) -> None:
    """In a fresh interpreter: the peek's answer comes without SQLAlchemy or alembic."""
    assert db.paths is not None
    code = (
        "import sys, json\nfrom pathlib import Path\n"
        "from memberdesk.ui.shell.session import _peek_login\n"
        "from memberdesk.paths import DataPaths\n"
        f"info = _peek_login(DataPaths(Path({str(db.paths.root)!r})))\n"
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'memberdesk.models', "
        "'memberdesk.services.shop') if m in sys.modules]\n"
        "print(json.dumps([info.shop_name if info else None, heavy]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["测试便利店", []]


def test_head_revision_is_what_the_peek_compares(db: Database) -> None:
    assert db.paths is not None
    conn = sqlite3.connect(db.paths.database)
    try:
        assert conn.execute(peek_mod.REVISION_SQL).fetchone()[0] == HEAD_REVISION
    finally:
        conn.close()


def test_a_server_shop_is_never_peeked(tmp_path: Path) -> None:
    from memberdesk.ui.shell.session import _peek_login

    paths = DataPaths(tmp_path / "data").ensure()
    (paths.root / "database.url").write_text("postgresql://x@localhost/none\n", encoding="utf-8")
    assert _peek_login(paths) is None
