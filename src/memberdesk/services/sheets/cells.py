"""What every spreadsheet of the shop shares (members, products): columns and their
headers, reading cell values, writing cells Excel never evaluates, the template
and a streamed export.

Every text cell is written as a string cell; text that starts with ``=``, ``+``,
``-`` or ``@`` (or a tab/CR) also gets Excel's quote prefix, so Excel never runs
it as a formula, not even after the cell is edited. Cell readers name the field
in the person's language through a ``labels`` table (field -> (zh, en)).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from memberdesk.money import Money, MoneyError, ascii_digits, parse_yuan_decimal
from memberdesk.reports.document import ExportError, atomic_output
from memberdesk.reports.xlsx import abandon_workbook, save_workbook
from memberdesk.services.shared.errors import MONEY_PROBLEMS, UserError, ValidationError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
Labels = Mapping[str, tuple[str, str]]  # field -> (zh, en), for messages


@dataclass(frozen=True)
class Column:
    field: str
    zh: str
    en: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 12
    as_text: bool = False  # the template formats it as text (keeps leading zeros)
    note_zh: str = ""
    note_en: str = ""
    choices: str = ""  # the template offers these (comma separated) in a drop-down


def norm_header(text: object) -> str:
    h = unicodedata.normalize("NFKC", str(text or ""))
    h = re.sub(r"\(.*?\)|\*", "", h)
    return "".join(h.split()).casefold()


def header_map(columns: Sequence[Column]) -> dict[str, str]:
    """normalised header text -> field, for :func:`map_header`."""
    return {norm_header(name): c.field for c in columns for name in (c.zh, c.en, c.field,
                                                                      *c.aliases)}


def map_header(cells: Sequence[object], known: Mapping[str, str]) -> dict[str, int]:
    """field -> column index of a header row; unknown headers are ignored (the first
    of two columns with the same meaning wins)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        field = known.get(norm_header(cell))
        if field is not None and field not in found:
            found[field] = i
    return found


def header_text(column: Column, lang: str) -> str:
    en = lang.startswith("en")
    label = column.en if en else column.zh
    if column.required:
        label += " (required)" if en else "（必填）"
    return label


# -- reading cell values ----------------------------------------------------------------

_TRUE = {"是", "y", "yes", "true", "1", "√", "同意", "接受", "t"}
_FALSE = {"否", "n", "no", "false", "0", "×", "不同意", "拒绝", "f", ""}
_DATE_RE = re.compile(r"^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?$")


def cell_error(code: str, field: str, labels: Labels, **params: object) -> ValidationError:
    """``field`` named from ``labels``; a field ``kind:name`` (a member price column,
    ``tier:金卡``) by its kind's label."""
    zh, en = labels.get(field) or labels[field.partition(":")[0]]
    return ValidationError(code, field=field, field_zh=zh, field_en=en, **params)


def cell_text(value: object) -> str:
    """A cell as text: integers without ``.0``, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_bool(value: object, field: str, labels: Labels) -> bool:
    text = cell_text(value).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise cell_error("field_bad_choice", field, labels, text=text[:20], choices="是/否/Y/N")


def read_date(value: object, field: str, labels: Labels) -> date | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value).strip()
    digits = ascii_digits(text) or ""
    m = _DATE_RE.match(digits) or re.match(r"^([0-9]{4})([0-9]{2})([0-9]{2})$", digits)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        pass
    raise cell_error("field_bad_date", field, labels, text=text[:30])


def read_money(value: object, field: str, labels: Labels) -> Money:
    """Yuan from a number cell or text; blank is zero; never negative, at most fen."""
    if is_blank(value):
        return Money(0)
    try:
        if isinstance(value, bool):
            raise MoneyError("not_a_number", str(value))
        if isinstance(value, int):
            money = Money.of_yuan(value)
        elif isinstance(value, float | Decimal):
            # repr() of a float is the shortest text that reads back the same:
            # a cell typed as 12.34 reads as "12.34", not 12.339999...
            money = parse_yuan_decimal(Decimal(repr(value)) if isinstance(value, float) else value)
        else:
            money = Money.parse(str(value))
        if money.is_negative:
            raise MoneyError("negative", str(value))
    except (MoneyError, ArithmeticError, ValueError) as exc:
        code = exc.code if isinstance(exc, MoneyError) else "not_a_number"
        zh, en = MONEY_PROBLEMS.get(code, MONEY_PROBLEMS["not_a_number"])
        raise cell_error("field_bad_money", field, labels, text=cell_text(value)[:30],
                         problem_zh=zh, problem_en=en) from exc
    return money


def read_count(value: object, field: str, labels: Labels) -> int:
    if is_blank(value):
        return 0
    text = cell_text(value).strip()
    digits = ascii_digits(text) or ""  # "２" is 2; "²" or "٢" is refused, not a ValueError
    if isinstance(value, bool) or not (digits.isascii() and digits.isdigit()) or len(text) > 12:
        raise cell_error("field_bad_count", field, labels, text=text[:30])
    return int(digits)


# -- writing ------------------------------------------------------------------------------


def safe_value(ws: WriteOnlyWorksheet, value: object) -> object:
    """A value for ``ws.append`` that Excel will never evaluate."""
    if isinstance(value, Money):
        return value.to_decimal()
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"  # a string cell, not a formula
        cell.quotePrefix = True  # and it stays text when edited in Excel
        return cell
    return value


def safe_row(ws: WriteOnlyWorksheet, values: Iterable[object]) -> list[object]:
    return [safe_value(ws, v) for v in values]


def sheet_write_error(exc: ExportError, path: Path) -> UserError:
    """A workbook that could not be written, for the person: a full disk says so."""
    if exc.code == "disk_full":
        return UserError("disk_full", path=path.name)
    return UserError("sheet_unwritable", file=path.name, detail=exc.detail)


def sheet_for(workbook: Any, names: Sequence[str]) -> Any:
    """The sheet of a workbook called one of ``names``, else the first."""
    for name in names:
        if name in workbook.sheetnames:
            return workbook[name]
    return workbook.worksheets[0]


@dataclass(frozen=True)
class Template:
    """An import template: a data sheet with the headers (required ones in red,
    text columns formatted as text, drop-downs for choices) and a notes sheet
    explaining each column. No example rows in the data sheet: they would be
    imported."""

    sheet: str
    columns: Sequence[Column]
    notes: Sequence[tuple[str, str, str]]  # (column, required, how to fill in)
    footer: str
    lang: str


def write_template(path: Path, t: Template) -> Path:
    en = t.lang.startswith("en")
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has one sheet
    ws.title = t.sheet
    ws.append([header_text(c, t.lang) for c in t.columns])
    for i, column in enumerate(t.columns, start=1):
        letter = ws.cell(row=1, column=i).column_letter
        ws.cell(row=1, column=i).font = Font(bold=True, color="C00000" if column.required else None)
        ws.column_dimensions[letter].width = column.width + 4
        if column.as_text:
            ws.column_dimensions[letter].number_format = "@"
        if column.choices:
            dv = DataValidation(type="list", formula1=f'"{column.choices}"', allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}100000")
    ws.freeze_panes = "A2"
    notes = wb.create_sheet("Notes" if en else "说明")
    notes.append(["Column", "Required", "How to fill in"] if en else ["列", "必填", "填写说明"])
    for row in t.notes:
        notes.append(list(row))
    notes.append([])
    notes.append([t.footer])
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["C"].width = 60
    try:
        with atomic_output(path) as fh:
            save_workbook(wb, fh)
    except ExportError as exc:
        raise sheet_write_error(exc, path) from exc
    return path


def export_rows(
    path: Path,
    sheet: str,
    header: Sequence[object],
    rows: Callable[[], Generator[Sequence[object]]],
    *,
    page: int,
    total: Callable[[], int],
    progress: Callable[[int, int], object] | None,
    cancel: Callable[[], bool] | None,
    cancelled: str,
    before_rename: Callable[[], None],
) -> int:
    """Stream ``rows()`` (a generator that holds its own read snapshot) into a one-sheet
    write-only workbook at ``path``: ``progress(done, total())`` and ``cancel``
    every ``page`` rows (a cancel raises ``UserError(cancelled)`` and leaves no
    file); once the file is written and fsynced, ``before_rename`` (the audit row)
    and only then the rename into place. Returns the number of rows."""
    done = 0
    wb = Workbook(write_only=True)
    try:
        with atomic_output(path) as fh:
            ws = wb.create_sheet(sheet)
            ws.append(safe_row(ws, header))
            count = total()
            values_of = rows()
            try:
                for values in values_of:
                    ws.append(safe_row(ws, values))
                    done += 1
                    if done % page == 0:
                        if progress is not None:
                            progress(done, count)
                        if cancel is not None and cancel():
                            raise UserError(cancelled)
            finally:
                values_of.close()  # its read snapshot ends now, not when collected
            save_workbook(wb, fh)
            fh.flush()
            os.fsync(fh.fileno())
            before_rename()
    except ExportError as exc:
        abandon_workbook(wb)
        raise sheet_write_error(exc, path) from exc
    except BaseException:
        abandon_workbook(wb)
        raise
    if progress is not None:
        progress(done, done)
    return done
