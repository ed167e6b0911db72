"""The second engine of the test suite: PostgreSQL (the network edition).

``scripts/with-postgres.sh`` (run by ``make test`` and ``make bench``) starts a
throw-away cluster and exports ``MEMBERDESK_TEST_PG_URL``. The tests of
:data:`PG_SUITES` that use the ``db`` fixture then run twice, ``[sqlite]`` and
``[postgresql]``; with ``CI=true`` the URL must be set (no skips). Each PostgreSQL test
gets a fresh database copied from a template migrated once per test process
(``CREATE DATABASE ... TEMPLATE``), never a re-run of the migrations.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

URL_VARIABLE = "MEMBERDESK_TEST_PG_URL"
TESTS = Path(__file__).resolve().parent

# The service and integration tests that exercise SQL: ledgers, checkout, refunds,
# recharge, lookup, reports, stock, integrity, migrations, member analytics.
PG_SUITES: tuple[str, ...] = (
    "unit/checkout",
    "unit/members",
    "unit/reporting",
    "unit/stock",
    "unit/shared/test_audit.py",
    "unit/catalog/test_product_cost.py",
    "integration/checkout",
    "integration/analytics",
    "integration/jobs/test_birthday_batch.py",
    "integration/jobs/test_child.py",
    "pg",
)


def pg_url() -> str | None:
    return os.environ.get(URL_VARIABLE) or None


def ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def sqlite_only_run() -> bool:
    """MEMBERDESK_TEST_ENGINES=sqlite: the SQLite side only (the shifted-clock run of
    scripts/shifted-clock-tests.sh, which is make test's SQLite run)."""
    return os.environ.get("MEMBERDESK_TEST_ENGINES", "").strip().lower() == "sqlite"


def postgresql_only_run() -> bool:
    """MEMBERDESK_TEST_ENGINES=postgresql: only the ``[postgresql]`` side of the
    PostgreSQL suites and tests/pg run (make test's first run; the SQLite side runs in
    the shifted-clock run, so the SQLite suites run once, not twice)."""
    return os.environ.get("MEMBERDESK_TEST_ENGINES", "").strip().lower() == "postgresql"


def pg_run_paths() -> list[str]:
    """The paths a PostgreSQL-only run collects (relative to the project)."""
    return [f"tests/{s}" for s in PG_SUITES]


def keep_in_postgresql_run(path: Path, engine: object) -> bool:
    """Whether a collected test belongs to a PostgreSQL-only run."""
    try:
        rel = path.resolve().relative_to(TESTS).as_posix()
    except ValueError:
        return False
    return engine == "postgresql" or rel.startswith("pg/")


def wants_pg() -> bool:
    """Whether the PostgreSQL suites run: the test cluster is there, or CI=true demands it."""
    return not sqlite_only_run() and (pg_url() is not None or ci())


def in_pg_suites(path: Path) -> bool:
    try:
        rel = path.resolve().relative_to(TESTS).as_posix()
    except ValueError:
        return False
    return any(rel == s or rel.startswith(s + "/") for s in PG_SUITES)


def _admin_engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(make_url(url).set(drivername="postgresql+psycopg"),
                         isolation_level="AUTOCOMMIT")


class PgDatabases:
    """A template database at head for this process, and fresh copies of it."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url).set(drivername="postgresql+psycopg")
        self.admin = _admin_engine(url)
        self.tag = f"{os.getpid()}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
        self.template = f"md_tpl_{self.tag}"
        self._n = itertools.count(1)
        self._made = False

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _make_template(self) -> None:
        from memberdesk.db.migrate import upgrade
        from memberdesk.db.postgres import make_pg_engine

        with self.admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{self.template}"'))
            c.execute(text(f'CREATE DATABASE "{self.template}"'))
        engine = make_pg_engine(self.url_of(self.template))
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        self._made = True

    def fresh(self) -> str:
        """A new database at head; its URL."""
        if not self._made:
            self._make_template()
        name = f"md_{self.tag}_{next(self._n)}"
        with self.admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"'))
        return self.url_of(name)

    def empty(self) -> str:
        """A new database with no schema; its URL."""
        name = f"md_{self.tag}_{next(self._n)}"
        with self.admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        return self.url_of(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self.admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        if self._made:
            with self.admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)'))
        self.admin.dispose()


if __name__ == "__main__":  # the paths of a PostgreSQL-only run, for the Makefile
    print(" ".join(pg_run_paths()))
