"""The file side of an import (members, products): opening the workbook through the
shared guard (:mod:`workbook_guard`: hostile files are refused before any XML is
parsed), reading its header and rows as a stream, and writing the error report
workbook as the import goes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from memberdesk.services.shared.errors import UserError
from memberdesk.services.sheets.cells import Column, safe_row, sheet_for
from memberdesk.services.sheets.workbook_guard import (
    LIMITS,
    WorkbookLimits,
    check_workbook,
    open_workbook,
    sheet_rows,
)

Rows = Iterator[tuple[int, tuple[Any, ...]]]


@dataclass
class ImportSheet:
    """An open sheet to import: its workbook (close it), the sheet, its row count."""

    workbook: Any
    sheet: Any
    rows: int | None  # row elements in the sheet's XML, the header included

    def rows_iter(self, name: str, limits: WorkbookLimits) -> Rows:
        return sheet_rows(self.sheet, limits, name=name)

    def close(self) -> None:
        self.workbook.close()


def open_sheet(path: Path, name: str, sheet_names: Sequence[str],
               limits: WorkbookLimits = LIMITS) -> ImportSheet:  # fmt: skip
    """The sheet called one of ``sheet_names`` (else the first) of the workbook at
    ``path`` (a private copy of the user's file called ``name``), checked before it
    is parsed."""
    scan = check_workbook(path, limits, name=name)
    workbook = open_workbook(path, name=name)
    try:
        sheet = sheet_for(workbook, sheet_names)
    except Exception as exc:  # no sheets, a chart sheet first, ...: not a list to import
        workbook.close()
        raise UserError("import_not_workbook", file=name) from exc
    inner = getattr(sheet, "_worksheet_path", None)
    if not isinstance(inner, str) or not hasattr(sheet, "_shared_strings"):
        workbook.close()
        raise UserError("import_not_workbook", file=name)
    return ImportSheet(workbook, sheet, scan.rows.get(inner))


def is_blank(values: Sequence[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def read_header(rows: Rows, columns: Sequence[Column],
                map_header: Callable[[Sequence[object]], dict[str, int]],
                ) -> tuple[tuple[Any, ...], dict[str, int]]:  # fmt: skip
    """The header row and field -> column index; a missing required column is one
    error naming every missing column."""
    first = next(rows, None)
    header = first[1] if first is not None else None
    found = map_header(header or ())
    missing = [c for c in columns if c.required and c.field not in found]
    if header is None or missing:
        raise UserError(
            "import_missing_columns",
            columns="、".join(c.zh for c in missing or columns if c.required),
        )
    return header, found


class ErrorReport:
    """The failed rows as they were in the file, plus an error column, written
    row by row to a write-only workbook that is only created at the first error."""

    def __init__(self, path: Path, header: Sequence[Any], lang: str,
                 sheet_names: Sequence[str]) -> None:  # fmt: skip
        self.path = path
        self.header = list(header)
        self.lang = lang
        self.sheet_names = sheet_names  # (zh, en)
        self._wb: Workbook | None = None
        self._ws: Any = None
        self._tmp = path.with_name(path.name + ".tmp")

    def add(self, number: int, values: Sequence[Any], texts: Sequence[str]) -> None:
        if self._wb is None:
            self._wb = Workbook(write_only=True)
            en = self.lang.startswith("en")
            self._ws = self._wb.create_sheet(self.sheet_names[1] if en else self.sheet_names[0])
            labels = ["Errors", "Row"] if en else ["错误", "原行号"]
            self._ws.append(safe_row(self._ws, [*self.header, *labels]))
        padded = [*values, *[None] * (len(self.header) - len(values))]
        sep = "; " if self.lang.startswith("en") else "；"
        self._ws.append(safe_row(self._ws, [*padded, sep.join(texts), number]))

    def close(self) -> Path | None:
        if self._wb is None:
            return None
        try:
            self._wb.save(self._tmp)
            self._tmp.replace(self.path)
        except OSError as exc:
            raise UserError("sheet_unwritable", file=self.path.name, detail=str(exc)) from exc
        return self.path

    def discard(self) -> None:
        self._wb = None
        self._tmp.unlink(missing_ok=True)


def default_error_report(path: Path) -> Path:
    return path.with_name(f"{path.stem}.errors.xlsx")
