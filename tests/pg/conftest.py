"""Engine-specific tests of the network edition (PostgreSQL). Collected only when the
test cluster's URL is set (scripts/with-postgres.sh) or CI=true (then a missing URL
fails in the fixtures instead of skipping); not in a MEMBERDESK_TEST_ENGINES=sqlite run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.checkout_support.kit import World
from tests.pg_engine import URL_VARIABLE, PgDatabases, wants_pg

collect_ignore_glob = [] if wants_pg() else ["test_*.py"]


@pytest.fixture
def pg_fresh(_pg_databases: PgDatabases | None) -> Iterator[str]:
    """The URL of a fresh database at head on the test cluster."""
    if _pg_databases is None:
        pytest.fail(f"CI=true: the PostgreSQL tests need {URL_VARIABLE}")
    url = _pg_databases.fresh()
    yield url
    _pg_databases.drop(url)


@pytest.fixture
def pg_empty(_pg_databases: PgDatabases | None) -> Iterator[str]:
    """The URL of a new, empty database (no schema) on the test cluster."""
    if _pg_databases is None:
        pytest.fail(f"CI=true: the PostgreSQL tests need {URL_VARIABLE}")
    url = _pg_databases.empty()
    yield url
    _pg_databases.drop(url)


@pytest.fixture
def pg_world(pg_fresh: str, tmp_path: Path) -> Iterator[World]:
    """The checkout kit's shop with its staff on a fresh database of the cluster (the
    audit key in the test's data folder, where a till process finds it)."""
    from memberdesk.db import Database
    from memberdesk.paths import DataPaths

    from .worlds import staffed_world

    db = Database.open(DataPaths(tmp_path / "data").ensure(), pg_fresh)
    try:
        yield staffed_world(db)
    finally:
        db.close()
