"""Write a report Document to .xlsx, streamed (:mod:`.xlsx_stream`).

Numbers stay numbers (money as exact yuan decimals with a ``#,##0.00`` format), the
header row is frozen and filterable, columns have sensible widths, and text is
always stored as text, so a cell starting with ``= + - @`` is never run as a formula.
Rows stream from the report straight into the sheet's zip entry: memory stays flat
however long the table. ``save_workbook`` / ``abandon_workbook`` serve the openpyxl
workbooks other exports (members, analytics) still build.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from memberdesk.money import Money

from .document import Column, ColumnKind, Document, ExportError, Table, atomic_output
from .xlsx_rows import row_encoder
from .xlsx_stream import Style, XlsxPackage, column_letter

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

Progress = Callable[[int], bool]  # rows written so far -> False to cancel


def _width(col: Column) -> float:
    if col.width:
        return col.width
    base = {ColumnKind.MONEY: 14, ColumnKind.INT: 10, ColumnKind.DATE: 12,
            ColumnKind.DATETIME: 17}.get(col.kind, 16)
    title = sum(2 if ord(ch) > 0x2E80 else 1 for ch in col.title) + 2
    return float(max(base, title))


def sheet_title(title: str, used: set[str]) -> str:
    name = _BAD_SHEET_CHARS.sub("_", title)[:28] or "Sheet"
    candidate, n = name, 2
    while candidate in used:
        candidate = f"{name[:25]}_{n}"
        n += 1
    used.add(candidate)
    return candidate


def _summary_sheet(pkg: XlsxPackage, doc: Document, used: set[str]) -> None:
    ws = pkg.sheet(sheet_title(doc.word("summary"), used), (28, 22))
    ws.header([doc.title], Style.TITLE)
    ws.cells([doc.word("shop"), doc.shop_name])
    ws.cells([doc.word("period"), doc.period])
    ws.cells([doc.word("generated"), doc.generated_at])
    ws.cells([])
    for label, value in doc.summary:
        kind = ColumnKind.MONEY if isinstance(value, Money) else ColumnKind.TEXT
        ws.cells([label, value], (ColumnKind.TEXT, kind))
    if doc.note:
        ws.cells([])
        ws.cells([doc.note])
    ws.close()


def _table_sheet(pkg: XlsxPackage, table: Table, used: set[str], progress: Progress | None,
                 written: list[int]) -> None:
    ws = pkg.sheet(sheet_title(table.title, used), [_width(c) for c in table.columns],
                   frozen_header=True)
    ws.header([c.title for c in table.columns])
    kinds = [c.kind for c in table.columns]
    before = written[0]

    def every(count: int) -> None:
        written[0] = before + count
        if progress is not None and not progress(written[0]):
            raise ExportError("cancelled", "")

    count = ws.stream(table.rows(), row_encoder(kinds), every)
    written[0] = before + count
    if progress is not None and not progress(written[0]):
        raise ExportError("cancelled", "")
    ws.filter_ref = f"A1:{column_letter(len(kinds) - 1)}{count + 1}"
    if table.totals is not None:
        ws.cells(table.totals, kinds, bold=True)
    ws.close()


def write_xlsx(doc: Document, path: Path, progress: Progress | None = None) -> int:
    """Write ``doc`` to ``path`` (via a temporary file; nothing is left on failure).
    Returns the number of table rows written. A document with charts goes through
    openpyxl (:mod:`.xlsx_charted`), which can draw them."""
    if any(t.chart is not None for t in doc.tables):
        from .xlsx_charted import write_charted_xlsx

        return write_charted_xlsx(doc, path, progress)
    used: set[str] = set()
    written = [0]
    with atomic_output(path) as fh:  # opened first: an unwritable path fails at once
        pkg = XlsxPackage(fh)
        try:
            _summary_sheet(pkg, doc, used)
            for table in doc.tables:
                _table_sheet(pkg, table, used, progress, written)
            pkg.finish()
        except BaseException:
            pkg.abandon()
            raise
    return written[0]


def save_workbook(wb: Workbook, fh: BinaryIO) -> None:
    """``wb.save(fh)``, except that a failure (a full disk) leaves no zip archive for the
    garbage collector to finish: its ``__del__`` would write the end record to the
    closed handle and print an "Exception ignored" traceback."""
    archive = ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(wb, archive).save()
    except BaseException:
        archive.fp = None  # give the handle up: the caller discards the file
        raise


def abandon_workbook(wb: Workbook) -> None:
    """Close the half-written sheets' own temporary files now, quietly: left to the
    garbage collector they print "Exception ignored" tracebacks on stderr."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
