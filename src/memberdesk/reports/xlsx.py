"""Write a report Document to .xlsx with openpyxl in streaming (write-only) mode.

Numbers stay numbers (money as exact decimals with a ``#,##0.00`` format), the
header row is frozen and filterable, columns have sensible widths, and text that
starts with ``= + - @`` is stored as text so Excel never runs it as a formula.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from memberdesk.money import Money

from .document import (
    CellValue,
    Column,
    ColumnKind,
    Document,
    ExportError,
    Table,
    atomic_output,
)
from .xlsx_charts import add_chart

MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="2F5597")
_TITLE_FONT = Font(bold=True, size=14)
_BOLD = Font(bold=True)

Progress = Callable[[int], bool]  # rows written so far -> False to cancel


def safe_text_cell(ws: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    """A text cell that is never a formula, whatever it starts with."""
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"  # openpyxl would make "=..." a formula; force a string
    return cell


def _cell(ws: WriteOnlyWorksheet, value: CellValue, kind: ColumnKind) -> WriteOnlyCell:
    if isinstance(value, Money):
        cell = WriteOnlyCell(ws, value=value.to_decimal())
        cell.number_format = MONEY_FORMAT
        return cell
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value=value.replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, bool) or value is None:
        return WriteOnlyCell(ws, value=None if value is None else str(value))
    if isinstance(value, int):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = MONEY_FORMAT if kind is ColumnKind.MONEY else INT_FORMAT
        return cell
    return safe_text_cell(ws, str(value))


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


def _summary_sheet(wb: Workbook, doc: Document, used: set[str]) -> None:
    ws = wb.create_sheet(sheet_title(doc.word("summary"), used))
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 22
    title = WriteOnlyCell(ws, value=doc.title)
    title.font = _TITLE_FONT
    ws.append([title])
    ws.append([safe_text_cell(ws, doc.word("shop")), safe_text_cell(ws, doc.shop_name)])
    ws.append([safe_text_cell(ws, doc.word("period")), safe_text_cell(ws, doc.period)])
    ws.append([safe_text_cell(ws, doc.word("generated")),
               _cell(ws, doc.generated_at, ColumnKind.DATETIME)])
    ws.append([])
    for label, value in doc.summary:
        kind = ColumnKind.MONEY if isinstance(value, Money) else ColumnKind.TEXT
        ws.append([safe_text_cell(ws, label), _cell(ws, value, kind)])
    if doc.note:
        ws.append([])
        ws.append([safe_text_cell(ws, doc.note)])


def _table_sheet(
    wb: Workbook, table: Table, used: set[str], progress: Progress | None, written: list[int]
) -> None:
    ws = wb.create_sheet(sheet_title(table.title, used))
    for i, col in enumerate(table.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _width(col)
    ws.freeze_panes = "A2"
    header = []
    for col in table.columns:
        cell = safe_text_cell(ws, col.title)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        header.append(cell)
    ws.append(header)
    kinds = [c.kind for c in table.columns]
    count = 0
    for row in table.rows():
        ws.append([_cell(ws, v, kinds[i]) for i, v in enumerate(row)])
        count += 1
        written[0] += 1
        if progress is not None and written[0] % 1000 == 0 and not progress(written[0]):
            raise ExportError("cancelled", "")
    if progress is not None and not progress(written[0]):
        raise ExportError("cancelled", "")
    last_col = get_column_letter(len(table.columns))
    ws.auto_filter.ref = f"A1:{last_col}{count + 1}"
    if table.totals is not None:
        cells = []
        for i, v in enumerate(table.totals):
            c = _cell(ws, v, kinds[i])
            c.font = _BOLD
            cells.append(c)
        ws.append(cells)
    add_chart(ws, table, count)


def write_xlsx(doc: Document, path: Path, progress: Progress | None = None) -> int:
    """Write ``doc`` to ``path`` (via a temporary file; nothing is left on failure).
    Returns the number of table rows written."""
    wb = Workbook(write_only=True)
    used: set[str] = set()
    written = [0]
    try:
        with atomic_output(path) as fh:  # opened first: an unwritable path fails at once
            _summary_sheet(wb, doc, used)
            for table in doc.tables:
                _table_sheet(wb, table, used, progress, written)
            save_workbook(wb, fh)
    except BaseException:
        abandon_workbook(wb)
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
