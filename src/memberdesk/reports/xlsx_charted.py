"""A report Document with charts to .xlsx through openpyxl: native Excel charts
(:mod:`.xlsx_charts`) over the tables' own cells.

The streamed writer (:mod:`.xlsx`, :mod:`.xlsx_stream`) writes every other report; it has
no drawing parts, so a document whose tables carry a chart (the 分析 report: a few
hundred rows at most) comes here instead. Same cells as the streamed writer: money as
exact yuan decimals ``#,##0.00``, text never a formula, frozen, filterable header.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from memberdesk.money import Money

from .document import CellValue, ColumnKind, Document, ExportError, Table, atomic_output
from .xlsx import Progress, _width, abandon_workbook, save_workbook, sheet_title
from .xlsx_charts import add_chart

MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="2F5597")
_TITLE_FONT = Font(bold=True, size=14)
_BOLD = Font(bold=True)


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


def write_charted_xlsx(doc: Document, path: Path, progress: Progress | None = None) -> int:
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
