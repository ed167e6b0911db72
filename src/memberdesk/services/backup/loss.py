"""What a restore takes back: the live database compared with the backup offered.

A restore replaces every row with the backup's, so whatever the live database
recorded that the backup does not hold is gone afterwards (only the pre-restore
copy keeps it). Before the owner confirms, :func:`restore_loss` says exactly what
that is: the sales (with their total), refunds, recharges, shifts and sealed day
closes (with their business dates) of the live database that are not in the
backup, when the backup was made, and the members, products, stock movements and
settings added or changed since (:mod:`.loss_records`).

Rows are matched by their unique keys (``client_id`` of sales, refunds and
recharges, the shift and close numbers with their time or hash), not by time or
ids: a backup of another line of history (made before an earlier restore, say) is
counted as exactly as an older one. Both files are opened read-only; the backup's
tables exist since the first schema revision, so an older backup compares too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from memberdesk.db import Database
from memberdesk.money import Money
from memberdesk.services.backup.listing import backup_made_at
from memberdesk.services.backup.loss_records import RecordLoss, compare_records
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission, require


@dataclass(frozen=True)
class LostClose:
    close_no: int
    business_date: date


@dataclass(frozen=True)
class RestoreLoss:
    source: Path
    made_at: datetime  # aware UTC: the manifest's time, else the file's modification time
    made_local: datetime  # the same, as the shop's wall-clock time (naive)
    from_manifest: bool  # False: ``made_at`` is only the file's time (no manifest)
    age: timedelta  # from ``made_at`` to now by the shop clock (negative: made "later")
    kind: str  # manual, scheduled, day-close, pre-restore … ("" without a manifest)
    sales: int
    sales_total: Money  # what the lost sales took (payable)
    refunds: int
    refunds_total: Money
    recharges: int
    recharges_total: Money  # principal paid in
    shifts: int
    closes: tuple[LostClose, ...]  # sealed day closes, oldest first
    keep_folder: Path  # where the copy of the current data is written first
    records: RecordLoss = field(default_factory=RecordLoss)  # members, products, stock …

    @property
    def money_lost(self) -> bool:
        return bool(self.sales or self.refunds or self.recharges or self.shifts or self.closes)

    @property
    def nothing_lost(self) -> bool:
        return not self.money_lost and self.records.nothing


def _uri(path: Path) -> str:
    return f"file:{path.resolve().as_posix()}?mode=ro"


# table -> the columns that name a row in any history, and the sum reported
_MONEY = {"sales": "payable", "refunds": "amount", "recharges": "amount"}
_KEYS = {
    "sales": ("client_id",),
    "refunds": ("client_id",),
    "recharges": ("client_id",),
    "shifts": ("shift_no", "opened_at"),
    "day_closes": ("close_no", "report_hash"),
}


def _missing(table: str, columns: str) -> str:
    """Rows of the live ``table`` the backup lacks."""
    match = " AND ".join(f"b.{k} = l.{k}" for k in _KEYS[table])
    return (f"SELECT {columns} FROM live.{table} AS l "
            f"WHERE NOT EXISTS (SELECT 1 FROM main.{table} AS b WHERE {match})")


def _count(conn: sqlite3.Connection, table: str) -> tuple[int, Money]:
    total = _MONEY.get(table)
    row = conn.execute(
        _missing(table, f"count(*), coalesce(sum(l.{total}), 0)" if total else "count(*), 0")
    ).fetchone()
    return int(row[0]), Money(int(row[1]))


def compare(live: Path, backup: Path
            ) -> tuple[dict[str, tuple[int, Money]], list[LostClose], RecordLoss]:
    """Counts (and sums) of the live rows ``backup`` lacks, per table; the lost closes;
    the members, products, stock movements and settings added or changed."""
    conn = sqlite3.connect(_uri(backup), uri=True, timeout=10)
    try:
        conn.execute("ATTACH DATABASE ? AS live", (_uri(live),))
        counts = {t: _count(conn, t) for t in ("sales", "refunds", "recharges", "shifts")}
        closes = [
            LostClose(int(no), date.fromisoformat(str(day)[:10]))
            for no, day in conn.execute(
                _missing("day_closes", "l.close_no, l.business_date") + " ORDER BY l.close_no")
        ]
        records = compare_records(conn)
    except sqlite3.DatabaseError as exc:  # the quick look passed: a table or column missing
        foreign = "no such" in str(exc)  # a file that only looks like a shop
        raise UserError("restore_foreign" if foreign else "restore_damaged",
                        path=backup.name, problem=str(exc)) from exc
    finally:
        conn.close()
    return counts, closes, records


def restore_loss(db: Database, actor: Actor, source: Path) -> RestoreLoss:
    """What restoring ``source`` over the live database would take back (owner only:
    only the owner may restore). Reads both files, changes nothing."""
    paths = db.paths
    if paths is None:
        raise RuntimeError("restore_loss needs a database opened from DataPaths")
    source = source.resolve()
    if not source.is_file():
        raise UserError("restore_not_a_file", path=str(source))
    made_at, from_manifest, kind = backup_made_at(source)
    with db.reader() as uow:
        require(uow.session, actor, Permission.RESTORE)
        made_local = clock.local_time(uow.session, made_at)
    counts, closes, records = compare(paths.database, source)
    return RestoreLoss(
        source=source, made_at=made_at, made_local=made_local, from_manifest=from_manifest,
        age=clock.now().astimezone(UTC) - made_at, kind=kind,
        sales=counts["sales"][0], sales_total=counts["sales"][1],
        refunds=counts["refunds"][0], refunds_total=counts["refunds"][1],
        recharges=counts["recharges"][0], recharges_total=counts["recharges"][1],
        shifts=counts["shifts"][0], closes=tuple(closes), keep_folder=paths.backups,
        records=records,
    )
