"""Shared fixtures. Every test runs with a temporary HOME and data directory; a test
that writes under the real home directory fails."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.pg_engine import (
    URL_VARIABLE,
    PgDatabases,
    in_pg_suites,
    keep_in_postgresql_run,
    pg_url,
    postgresql_only_run,
    wants_pg,
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests search at random on a developer's machine (new examples each run) and
# the same fixed way in CI (CI=true), so a landing never depends on the dice.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI", "").lower() == "true" else "dev")

REAL_HOME = Path(os.path.expanduser("~")).resolve()
_TEMPLATE: dict[str, Path] = {}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A PostgreSQL-only run (tests/pg_engine.postgresql_only_run) keeps the
    ``[postgresql]`` tests and tests/pg; everything else runs in the SQLite run."""
    if not postgresql_only_run():
        return
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        spec = getattr(item, "callspec", None)
        engine = spec.params.get("db_engine") if spec is not None else None
        (keep if keep_in_postgresql_run(Path(str(item.path)), engine) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI", "").lower() == "true" and report.skipped:
        # With CI=true a missing component is a failure, not a skip.
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true (not allowed): {report.longrepr}"


def _snapshot(home: Path) -> set[str]:
    if not home.exists():
        return set()
    found: set[str] = set()
    for sub in (".local/share", ".config", ".cache"):
        d = home / sub
        if d.exists():
            found.update(str(p) for p in d.iterdir() if "memberdesk" in p.name.lower())
    return found


@pytest.fixture(autouse=True)
def _guard_real_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point HOME, XDG dirs and MEMBERDESK_HOME into tmp; fail if the real home changes."""
    before = _snapshot(REAL_HOME)
    fake_home = tmp_path / "home"
    fake_home.mkdir()
    monkeypatch.setenv("HOME", str(fake_home))
    monkeypatch.setenv("XDG_DATA_HOME", str(fake_home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(fake_home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(fake_home / ".cache"))
    monkeypatch.setenv("MEMBERDESK_HOME", str(tmp_path / "data"))
    yield
    after = _snapshot(REAL_HOME)
    assert after == before, f"test touched the real home directory: {sorted(after - before)}"


def _template_db(tmp_root: Path) -> Path:
    """A database migrated to head once per session, copied for each test."""
    if "path" not in _TEMPLATE:
        from memberdesk.db.migrate import open_database

        path = tmp_root / "template.sqlite3"
        engine = open_database(path, tmp_root / "backups")
        engine.dispose()  # closing the last connection checkpoints the WAL
        _TEMPLATE["path"] = path
    return _TEMPLATE["path"]


@pytest.fixture
def data_paths(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from memberdesk.paths import DataPaths

    paths = DataPaths(tmp_path / "data").ensure()
    template = _template_db(tmp_path_factory.getbasetemp())
    shutil.copyfile(template, paths.database)
    return paths


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The ``db`` tests of the PostgreSQL suites run on both engines (tests/pg_engine.py)."""
    if "db" not in metafunc.fixturenames or not in_pg_suites(Path(str(metafunc.definition.path))):
        return
    if not wants_pg() or metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize("db_engine", ["sqlite", "postgresql"])


@pytest.fixture
def db_engine() -> str:
    """The engine under the ``db`` fixture (parametrised for the PostgreSQL suites)."""
    return "sqlite"


@pytest.fixture(scope="session")
def _pg_databases() -> Iterator[PgDatabases | None]:
    url = pg_url()
    if url is None:
        yield None
        return
    dbs = PgDatabases(url)
    yield dbs
    dbs.close()


@pytest.fixture
def db(data_paths, db_engine, _pg_databases):  # type: ignore[no-untyped-def]
    """An open, migrated, empty shop database on a real file, or (``[postgresql]``) on
    a fresh database of the test PostgreSQL cluster (the audit key in the data dir)."""
    from memberdesk.db import Database

    if db_engine != "postgresql":
        database = Database.open(data_paths)
        yield database
        database.close()
        return
    if _pg_databases is None:
        pytest.fail(f"CI=true: the PostgreSQL tests need {URL_VARIABLE} "
                    "(run them through scripts/with-postgres.sh, as make test does)")
    url = _pg_databases.fresh()
    database = Database.open(data_paths, url)
    try:
        yield database
    finally:
        database.close()
        _pg_databases.drop(url)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    """argon2id at OWASP parameters costs ~50 ms a hash; tests use cheap parameters
    except where they test the parameters themselves."""
    from argon2 import PasswordHasher

    from memberdesk.services.shared import passwords

    old = passwords.set_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield
    passwords.set_hasher(old)


@pytest.fixture
def shop(db):  # type: ignore[no-untyped-def]
    """A set-up shop: returns the owner's Actor."""
    from memberdesk.services.shop.setup import init_shop

    return init_shop(
        db,
        shop_name="测试便利店",
        owner_username="owner",
        owner_display_name="王老板",
        owner_password="owner-pass",
    )


@pytest.fixture
def staff(db, shop):  # type: ignore[no-untyped-def]
    """Owner, manager and cashier Actors of the test shop."""
    from memberdesk.models.enums import Role
    from memberdesk.services.staff import accounts as staff_svc

    staff_svc.create_staff(
        db, shop, username="manager", display_name="李店长", role=Role.MANAGER, password="manager-pass"
    )
    staff_svc.create_staff(
        db, shop, username="cashier", display_name="张收银", role=Role.CASHIER, password="cashier-pass"
    )
    return {
        "owner": shop,
        "manager": staff_svc.login(db, "manager", "manager-pass"),
        "cashier": staff_svc.login(db, "cashier", "cashier-pass"),
    }
