"""Importing members from an Excel workbook: read and check everything first, then
write in short transactions.

1. **Read and check**, holding no write lock: the file is copied privately (what is
   checked is what is imported) and checked by :mod:`workbook_guard` before any XML
   is parsed (size, unpacked size, shared strings, rows, cells, text length); then
   the sheet is streamed row by row (openpyxl read-only, by the rows the XML really
   has), every row validated, and each batch checked against the shop in a short
   read-only transaction: a row whose phone is registered is skipped, a card or
   member number already taken fails the row. Failed rows go, with an error
   column, into an error report workbook, which can be corrected and imported
   again. The rows to create are spilled to a private temporary file, so memory
   does not grow with the sheet. A dry run stops here and writes nothing but the
   error report.
2. **Write**, :data:`WRITE_ROWS` rows a transaction (``BEGIN IMMEDIATE``; a few
   tens of milliseconds): each batch is checked against the shop again (a member
   registered at the counter meanwhile is skipped), then its members, cards and
   opening ``opening`` ledger entries are written with one ``member.import`` audit
   row saying what that batch wrote. Between batches the write lock is free, so a
   checkout or a recharge during an import waits at most one batch.

Re-importing is safe: a row whose phone is already registered is skipped, so the
same file imported twice creates nothing twice.

**Cancel** (or a database busy for longer than its timeout): while reading, the
import stops and nothing is written (``import_cancelled``). While writing, the
batch in hand is finished and committed, and the import stops with
``import_stopped`` (or ``import_busy``), saying how many members were written and
up to which row; importing the same file again skips them and carries on.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from memberdesk.db import Database
from memberdesk.db.errors import BUSY, DISK_FULL, storage_problem
from memberdesk.domain.points import expires_on
from memberdesk.models import Tier
from memberdesk.money import Money

from . import audit, clock, ledger, settings
from .context import Actor
from .errors import PermissionDenied, StorageError, UserError
from .member_import_db import check_against_db, create_batch
from .member_import_file import ErrorReport, default_error_report, open_sheet, read_header
from .member_import_result import ImportProgress, ImportResult, RowProblem
from .member_import_rows import ImportRow, RowContext, batches
from .permissions import Permission, require
from .workbook_guard import LIMITS, WorkbookLimits, private_copy

BATCH_ROWS = 500  # rows read and checked at a time
WRITE_ROWS = 200  # rows written in one transaction
PROBLEMS_KEPT = 200

ProgressCallback = Callable[[ImportProgress], None]


@dataclass
class _Tally:
    rows: int = 0
    created: int = 0  # written (a dry run: would be written)
    planned: int = 0  # to be written, as the read phase found
    skipped: int = 0
    failed: int = 0
    cards: int = 0
    principal: Money = field(default_factory=Money.zero)
    bonus: Money = field(default_factory=Money.zero)
    points: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    def fail(self, r: ImportRow, report: ErrorReport, lang: str) -> None:
        self.failed += 1
        texts = []
        for fld, err in r.problems:
            problem = RowProblem(r.number, fld, err.message("zh_CN"), err.message("en"))
            texts.append(problem.text(lang))
            if len(self.problems) < PROBLEMS_KEPT:
                self.problems.append(problem)
        report.add(r.number, r.values, texts)

    def create(self, r: ImportRow) -> None:
        self.created += 1
        self.cards += len(r.cards)
        self.principal += r.principal
        self.bonus += r.bonus
        self.points += r.points

    def progress(self, total: int | None, writing: bool = False) -> ImportProgress:
        if writing:
            return ImportProgress(self.created, total, self.created, self.skipped, self.failed,
                                  writing=True)  # fmt: skip
        return ImportProgress(self.rows, total, self.planned, self.skipped, self.failed)


@dataclass
class _Plan:
    """What the read phase learnt: the shop's settings for the rows to write."""

    ctx: RowContext
    refs: ledger.Refs
    expires: date | None
    needs_approval: bool


def _plan(db: Database, actor: Actor, approval_id: int | None, columns: dict[str, int],
          name: str) -> _Plan:  # fmt: skip
    """Permission first (an approval is checked here but used by the first write)."""
    needs_approval = False
    with db.reader() as uow:
        s = uow.session
        try:
            require(s, actor, Permission.IMPORT_MEMBERS)
        except PermissionDenied:
            if approval_id is None:
                raise
            needs_approval = True
        tiers: dict[str, int] = {}
        for tier_id, code, tier_name in s.execute(select(Tier.id, Tier.code, Tier.name)):
            for key in (code, tier_name):
                tiers.setdefault("".join(key.split()).casefold(), tier_id)
        cap = Money(settings.get_int(s, "stored_value.cap_fen"))
        days = settings.get_int(s, "points.validity_days")
        expiry_policy = settings.get_str(s, "points.expiry_policy")
        today = clock.business_date(s, clock.now())
    if needs_approval:
        with db.uow() as uow:  # checked, not used: rolled back
            require(uow.session, actor, Permission.IMPORT_MEMBERS, approval_id=approval_id)
    return _Plan(
        RowContext(columns, tiers, cap),
        ledger.Refs(staff_id=actor.staff_id, note=f"导入 {name}"[:150]),
        expires_on(today, days, expiry_policy),
        needs_approval,
    )


def _read(db: Database, rows: Iterator[list[ImportRow]], tally: _Tally, report: ErrorReport,
          lang: str, spill: IO[bytes] | None, tick: Callable[[], None]) -> None:  # fmt: skip
    """Phase 1: check every batch against the shop in a short read transaction;
    spill the rows to create, :data:`WRITE_ROWS` at a time (``spill`` None: a dry run)."""
    pending: list[ImportRow] = []
    for batch_rows in rows:
        with db.reader() as uow:
            to_create = check_against_db(uow.session, batch_rows).create
        for r in batch_rows:
            tally.rows += 1
            if r.skipped_as is not None:
                tally.skipped += 1
            elif r.problems:
                tally.fail(r, report, lang)
        tally.planned += len(to_create)
        if spill is None:
            for r in to_create:
                tally.create(r)
        if spill is not None:
            pending += to_create
            while len(pending) >= WRITE_ROWS:
                pickle.dump(pending[:WRITE_ROWS], spill)
                del pending[:WRITE_ROWS]
        tick()
    if spill is not None and pending:
        pickle.dump(pending, spill)


def _spilled(spill: IO[bytes]) -> Iterator[list[ImportRow]]:
    spill.seek(0)
    while True:
        try:
            yield pickle.load(spill)  # our own file, written above
        except EOFError:
            return


def _write(db: Database, actor: Actor, approval_id: int | None, plan: _Plan, sha256: str,
           name: str, spill: IO[bytes], tally: _Tally, report: ErrorReport, lang: str,
           tick: Callable[[], None], cancel: Callable[[], bool] | None) -> None:  # fmt: skip
    """Phase 2: one short write transaction per spilled batch."""
    approval = approval_id if plan.needs_approval else None
    last_row = 0
    for rows in _spilled(spill):
        if cancel is not None and cancel():
            raise UserError("import_stopped", created=tally.created, row=last_row)
        try:
            with db.uow() as uow:
                s = uow.session
                approver = None
                if approval is not None:
                    approver = require(s, actor, Permission.IMPORT_MEMBERS, approval_id=approval)
                batch = check_against_db(s, rows)
                if batch.create:
                    create_batch(s, batch, plan.refs, plan.expires)
                    made = batch.create
                    audit.record(
                        s, action="member.import", staff_id=actor.staff_id,
                        approver_id=approver, entity="file", entity_id=name[:40],
                        detail={
                            "sha256": sha256, "rows": f"{made[0].number}-{made[-1].number}",
                            "created": len(made), "cards": sum(len(r.cards) for r in made),
                            "opening_fen": sum(r.principal.fen + r.bonus.fen for r in made),
                            "opening_points": sum(r.points for r in made),
                        },
                    )  # fmt: skip
                    uow.commit()
                    approval = None
        except (OperationalError, StorageError) as exc:
            # The batches before this one stay written: say how far the import got.
            problem = exc.code if isinstance(exc, StorageError) else storage_problem(exc)
            if problem == DISK_FULL:
                raise UserError("import_disk_full", created=tally.created, row=last_row) from exc
            if problem != BUSY:
                raise
            raise UserError("import_busy", created=tally.created, row=last_row) from exc
        for r in rows:  # a phone registered, or a card taken, since the read phase
            if r.skipped_as is not None:
                tally.skipped += 1
            elif r.problems:
                tally.fail(r, report, lang)
            else:
                tally.create(r)
        last_row = rows[-1].number
        tick()


def import_members(
    db: Database,
    actor: Actor,
    path: Path | str,
    *,
    dry_run: bool = False,
    error_report: Path | str | None = None,
    progress: ProgressCallback | None = None,
    cancel: Callable[[], bool] | None = None,
    lang: str = "zh_CN",
    approval_id: int | None = None,
    limits: WorkbookLimits = LIMITS,
) -> ImportResult:
    """Import the members in the .xlsx at ``path`` (see the module doc).

    ``error_report``: where to write the failed rows (default: ``NAME.errors.xlsx``
    beside the file), written only when a row fails. ``progress`` is called after
    every batch of rows read, every batch written, and at the end; ``cancel`` is
    polled between batches (see the module doc for what a cancel keeps). ``lang``
    is the language of the error column. A cashier needs a manager's
    ``approval_id``. ``limits``: what a workbook may hold (tests pass small ones)."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="memberdesk-import-") as tmp:
        copy, sha256 = private_copy(path, Path(tmp), limits)
        sheet = open_sheet(copy, path.name, limits)
        report: ErrorReport | None = None
        tally = _Tally()
        try:
            rows = sheet.rows_iter(path.name, limits)
            header, columns = read_header(rows)
            report = ErrorReport(
                Path(error_report) if error_report else default_error_report(path), header, lang
            )
            plan = _plan(db, actor, approval_id, columns, path.name)
            total = sheet.rows - 1 if sheet.rows else None

            def read_tick() -> None:
                if progress is not None:
                    progress(tally.progress(total))
                if cancel is not None and cancel():
                    raise UserError("import_cancelled")

            if cancel is not None and cancel():
                raise UserError("import_cancelled")
            with open(Path(tmp) / "rows.pickle", "w+b") as spill:
                read = batches(rows, plan.ctx, BATCH_ROWS)
                _read(db, read, tally, report, lang, None if dry_run else spill, read_tick)
                sheet.close()
                if not dry_run:
                    to_write = tally.rows - tally.skipped - tally.failed

                    def write_tick() -> None:
                        if progress is not None:
                            progress(tally.progress(to_write, writing=True))

                    _write(db, actor, approval_id, plan, sha256, path.name, spill, tally,
                           report, lang, write_tick, cancel)  # fmt: skip
            report_path = report.close()
        except BaseException:
            if report is not None:
                report.discard()
            raise
        finally:
            sheet.close()
    if progress is not None:
        progress(ImportProgress(tally.rows, tally.rows, tally.created, tally.skipped, tally.failed))
    return ImportResult(
        file=path,
        dry_run=dry_run,
        rows=tally.rows,
        created=tally.created,
        skipped=tally.skipped,
        failed=tally.failed,
        cards=tally.cards,
        opening_principal=tally.principal,
        opening_bonus=tally.bonus,
        opening_points=tally.points,
        problems=tuple(tally.problems),
        error_report=report_path,
    )
