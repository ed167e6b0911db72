"""Engine-specific tests of the network edition (PostgreSQL). Collected only when the
test cluster's URL is set (scripts/with-postgres.sh) or CI=true (then a missing URL
fails in the fixtures instead of skipping); not in a MEMBERDESK_TEST_ENGINES=sqlite run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

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
