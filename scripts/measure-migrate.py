"""Time ``network migrate`` of a 100,000-member shop (the report benchmark's generated
file: two years, 300,000 sale lines) into an empty database of the test cluster:
    PYTHONPATH=. bash scripts/with-postgres.sh .venv/bin/python scripts/measure-migrate.py
Prints the rows moved and the seconds taken (the copy phase apart)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from tests.bench import report_data

from memberdesk.services.backup.network_migrate import MigrateRequest, migrate_shop


def main() -> None:
    shop = report_data.ensure(300_000, 100_000)
    base = os.environ["MEMBERDESK_TEST_PG_URL"]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql("DROP DATABASE IF EXISTS migrate_measure")
        c.exec_driver_sql("CREATE DATABASE migrate_measure")
    admin.dispose()
    url = make_url(base).set(database="migrate_measure").render_as_string(hide_password=False)
    marks: list[float] = []

    def progress(_table: str, _done: int, _total: int) -> None:
        marks.append(time.perf_counter())

    r = migrate_shop(MigrateRequest(Path(shop), url, "A01", "owner",
                                    report_data.PASSWORDS["owner"]), progress=progress)
    print(f"migrate_members={r.members} migrate_rows={r.rows} "
          f"migrate_seconds={r.seconds:.1f} migrate_copy_seconds={marks[-1] - marks[0]:.1f}")


if __name__ == "__main__":
    main()
