"""Importing rows from an Excel workbook (members, products): read and check
everything first, then write in short transactions. What is imported is an
:class:`ImportKind`; this module is the machinery they share.

1. **Read and check**, holding no write lock: the file is copied privately (what is
   checked is what is imported) and checked by :mod:`workbook_guard` before any XML
   is parsed; then the sheet is streamed row by row (openpyxl read-only, by the
   rows the XML really has), every row validated by the kind, and each batch
   checked against the shop in a short read-only transaction. Failed rows go, with
   an error column, into an error report workbook, which can be corrected and
   imported again. The rows to write are spilled to a private temporary file, so
   memory does not grow with the sheet. A dry run stops here and writes nothing
   but the error report.
2. **Write**, :data:`WRITE_ROWS` rows a transaction (``BEGIN IMMEDIATE``; a few
   tens of milliseconds): the kind checks each batch against the shop again (what
   changed at the counter meanwhile), writes it and its audit row. Between batches
   the write lock is free, so a checkout during an import waits at most one batch.

**Cancel** (or a database busy for longer than its timeout): while reading, the
import stops and nothing is written (``import_cancelled``). While writing, the
batch in hand is finished and committed, and the import stops with the kind's
"stopped" (or "busy", "disk full") message, saying how many rows were written and
up to which row; importing the same file again carries on.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.db.errors import BUSY, DISK_FULL, storage_problem
from memberdesk.services.shared.errors import StorageError, UserError, ValidationError
from memberdesk.services.sheets.cells import Column, Labels, cell_error
from memberdesk.services.sheets.import_file import (
    ErrorReport,
    Rows,
    default_error_report,
    is_blank,
    open_sheet,
    read_header,
)
from memberdesk.services.sheets.workbook_guard import LIMITS, Formula, WorkbookLimits, private_copy

BATCH_ROWS = 500  # rows read and checked at a time
WRITE_ROWS = 200  # rows written in one transaction
PROBLEMS_KEPT = 200


@dataclass(frozen=True)
class RowProblem:
    row: int  # row number in the sheet (the header is row 1)
    field: str | None
    zh: str
    en: str

    def text(self, lang: str = "zh_CN") -> str:
        return self.en if lang.startswith("en") else self.zh


@dataclass(frozen=True)
class ImportProgress:
    rows_done: int
    rows_total: int | None  # estimated from the file; None when unknown
    created: int
    skipped: int
    failed: int
    writing: bool = False  # rows_done/rows_total count rows written, not rows read


@dataclass
class SheetRow:
    """One row of the sheet as the kind validated it."""

    number: int
    values: tuple[Any, ...]
    problems: list[tuple[str | None, UserError]] = field(default_factory=list)
    skipped_as: str | None = None  # already in the shop, as this (nothing to write)

    def fail(self, fld: str | None, error: UserError) -> None:
        self.problems.append((fld, error))


R = TypeVar("R", bound=SheetRow)


def cell_reader(values: tuple[Any, ...], columns: dict[str, int],
                labels: Labels) -> Callable[[str], Any]:  # fmt: skip
    """``cell(field)``: the row's value in that field's column (None when the sheet
    has no such column); a formula cell is refused (type the value itself)."""

    def cell(fld: str) -> Any:
        i = columns.get(fld)
        value = values[i] if i is not None and i < len(values) else None
        if isinstance(value, Formula):
            raise cell_error("import_formula_cell", fld, labels)
        return value

    return cell


def parse_cells(row: SheetRow, parsers: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Every field's parsed value; every problem of the row is collected, not just
    the first (a field that failed is missing from the result)."""
    fields: dict[str, Any] = {}
    for fld, parse in parsers.items():
        try:
            fields[fld] = parse()
        except ValidationError as exc:
            row.fail(fld, exc)
    return fields


Repeat = tuple[str, dict[str, int], str, str]  # field, first row by key, key, key as shown


def repeats(row: SheetRow, checks: list[Repeat], labels: Labels) -> bool:
    """The first row with a key keeps it; a later row with it fails (True)."""
    clashes = [(fld, seen[key], shown) for fld, seen, key, shown in checks if key in seen]
    for fld, first, shown in dict.fromkeys(clashes):
        row.fail(fld, cell_error("duplicate_in_file", fld, labels, value=shown, row=first))
    if clashes:
        return True
    for _fld, seen, key, _shown in checks:
        seen[key] = row.number
    return False


@dataclass(frozen=True)
class StopCodes:
    """The kind's messages for a write phase cut short (params: created, row)."""

    stopped: str
    busy: str
    disk_full: str


class ImportKind(Generic[R]):
    """What is imported. The engine calls, in order: :meth:`plan` once the header is
    read, :meth:`parse` for every non-blank row, :meth:`check` on each batch in a
    read transaction (returns the rows to write; marks the others skipped or
    failed), :meth:`counted` on each row to write (or, in a dry run, that would
    be), and :meth:`write` on each batch in its own write transaction (checks it
    again, writes it and its audit row; returns whether to commit)."""

    sheet_names: tuple[str, str]  # (zh, en): the sheet read, and the error report's
    columns: Sequence[Column]
    stop_codes: StopCodes

    def map_header(self, cells: Sequence[object]) -> dict[str, int]:
        raise NotImplementedError

    def plan(self, db: Database, columns: dict[str, int], header: tuple[Any, ...], name: str,
             sha256: str) -> None:  # fmt: skip
        raise NotImplementedError

    def parse(self, number: int, values: tuple[Any, ...]) -> R:
        raise NotImplementedError

    def check(self, session: Session, rows: list[R]) -> list[R]:
        raise NotImplementedError

    def counted(self, row: R) -> None:
        raise NotImplementedError

    def write(self, session: Session, rows: list[R]) -> bool:
        raise NotImplementedError


@dataclass
class Tally:
    rows: int = 0
    created: int = 0  # written (a dry run: would be written)
    planned: int = 0  # to be written, as the read phase found
    skipped: int = 0
    failed: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    error_report: Path | None = None

    def fail(self, r: SheetRow, report: ErrorReport, lang: str) -> None:
        self.failed += 1
        texts = []
        for fld, err in r.problems:
            problem = RowProblem(r.number, fld, err.message("zh_CN"), err.message("en"))
            texts.append(problem.text(lang))
            if len(self.problems) < PROBLEMS_KEPT:
                self.problems.append(problem)
        report.add(r.number, r.values, texts)

    def progress(self, total: int | None, writing: bool = False) -> ImportProgress:
        if writing:
            return ImportProgress(self.created, total, self.created, self.skipped, self.failed,
                                  writing=True)  # fmt: skip
        return ImportProgress(self.rows, total, self.planned, self.skipped, self.failed)


def batches(rows: Iterable[tuple[int, tuple[Any, ...]]], parse: Callable[[int, tuple[Any, ...]], R],
            size: int) -> Iterator[list[R]]:  # fmt: skip
    """The sheet's non-blank rows, parsed, ``size`` at a time; each keeps the row
    number it has in the sheet."""
    batch: list[R] = []
    for number, values in rows:
        if is_blank(values):
            continue
        batch.append(parse(number, values))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _tally_batch(kind: ImportKind[R], rows: list[R], tally: Tally, report: ErrorReport,
                 lang: str, written: list[R] | None) -> None:  # fmt: skip
    for r in rows:
        if r.skipped_as is not None:
            tally.skipped += 1
        elif r.problems:
            tally.fail(r, report, lang)
        elif written is None:  # the write phase: every row left was written
            tally.created += 1
            kind.counted(r)
    for r in written or ():
        tally.created += 1
        kind.counted(r)


def _read(db: Database, kind: ImportKind[R], rows: Iterator[list[R]], tally: Tally,
          report: ErrorReport, lang: str, spill: IO[bytes] | None,
          tick: Callable[[], None]) -> None:  # fmt: skip
    """Phase 1: check every batch against the shop in a short read transaction;
    spill the rows to write, :data:`WRITE_ROWS` at a time (``spill`` None: a dry run)."""
    pending: list[R] = []
    for batch_rows in rows:
        with db.reader() as uow:
            to_write = kind.check(uow.session, batch_rows)
        tally.rows += len(batch_rows)
        _tally_batch(kind, [r for r in batch_rows if r.problems or r.skipped_as is not None],
                     tally, report, lang, to_write if spill is None else [])
        tally.planned += len(to_write)
        if spill is not None:
            pending += to_write
            while len(pending) >= WRITE_ROWS:
                pickle.dump(pending[:WRITE_ROWS], spill)
                del pending[:WRITE_ROWS]
        tick()
    if spill is not None and pending:
        pickle.dump(pending, spill)


def _spilled(spill: IO[bytes]) -> Iterator[list[Any]]:
    spill.seek(0)
    while True:
        try:
            yield pickle.load(spill)  # our own file, written above
        except EOFError:
            return


def _write(db: Database, kind: ImportKind[R], spill: IO[bytes], tally: Tally,
           report: ErrorReport, lang: str, tick: Callable[[], None],
           cancel: Callable[[], bool] | None) -> None:  # fmt: skip
    """Phase 2: one short write transaction per spilled batch."""
    last_row = 0
    codes = kind.stop_codes
    for rows in _spilled(spill):
        if cancel is not None and cancel():
            raise UserError(codes.stopped, created=tally.created, row=last_row)
        try:
            with db.uow() as uow:
                if kind.write(uow.session, rows):
                    uow.commit()
        except (OperationalError, StorageError) as exc:
            # The batches before this one stay written: say how far the import got.
            problem = exc.code if isinstance(exc, StorageError) else storage_problem(exc)
            if problem == DISK_FULL:
                raise UserError(codes.disk_full, created=tally.created, row=last_row) from exc
            if problem != BUSY:
                raise
            raise UserError(codes.busy, created=tally.created, row=last_row) from exc
        _tally_batch(kind, rows, tally, report, lang, None)  # changed since the read phase
        last_row = rows[-1].number
        tick()


def run_import(
    db: Database,
    kind: ImportKind[R],
    path: Path,
    *,
    dry_run: bool,
    error_report: Path | str | None,
    progress: Callable[[ImportProgress], None] | None,
    cancel: Callable[[], bool] | None,
    lang: str,
    limits: WorkbookLimits = LIMITS,
) -> Tally:
    """Import the .xlsx at ``path`` as ``kind`` says (see the module doc).

    ``error_report``: where to write the failed rows (default: ``NAME.errors.xlsx``
    beside the file), written only when a row fails. ``progress`` is called after
    every batch of rows read, every batch written, and at the end; ``cancel`` is
    polled between batches. ``lang`` is the language of the error column."""
    with tempfile.TemporaryDirectory(prefix="memberdesk-import-") as tmp:
        copy, sha256 = private_copy(path, Path(tmp), limits)
        sheet = open_sheet(copy, path.name, kind.sheet_names, limits)
        report: ErrorReport | None = None
        tally = Tally()
        try:
            rows: Rows = sheet.rows_iter(path.name, limits)
            header, columns = read_header(rows, kind.columns, kind.map_header)
            report = ErrorReport(Path(error_report) if error_report else default_error_report(path),
                                 header, lang, kind.sheet_names)  # fmt: skip
            kind.plan(db, columns, header, path.name, sha256)
            total = sheet.rows - 1 if sheet.rows else None

            def read_tick() -> None:
                if progress is not None:
                    progress(tally.progress(total))
                if cancel is not None and cancel():
                    raise UserError("import_cancelled")

            if cancel is not None and cancel():
                raise UserError("import_cancelled")
            with open(Path(tmp) / "rows.pickle", "w+b") as spill:
                read = batches(rows, kind.parse, BATCH_ROWS)
                _read(db, kind, read, tally, report, lang, None if dry_run else spill, read_tick)
                sheet.close()
                if not dry_run:
                    to_write = tally.rows - tally.skipped - tally.failed

                    def write_tick() -> None:
                        if progress is not None:
                            progress(tally.progress(to_write, writing=True))

                    _write(db, kind, spill, tally, report, lang, write_tick, cancel)
            tally.error_report = report.close()
        except BaseException:
            if report is not None:
                report.discard()
            raise
        finally:
            sheet.close()
    if progress is not None:
        progress(ImportProgress(tally.rows, tally.rows, tally.created, tally.skipped, tally.failed))
    return tally
