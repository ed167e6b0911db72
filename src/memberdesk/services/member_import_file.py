"""The file side of a member import: opening the workbook through the shared
guard (:mod:`workbook_guard`: hostile files are refused before any XML is parsed),
reading its header and rows as a stream, and writing the error report workbook as
the import goes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from .errors import UserError
from .member_sheet import COLUMNS, map_header, safe_row, sheet_for
from .workbook_guard import LIMITS, WorkbookLimits, check_workbook, open_workbook, sheet_rows


@dataclass
class MemberSheet:
    """An open members sheet: its workbook (close it), the sheet, its row count."""

    workbook: Any
    sheet: Any
    rows: int | None  # row elements in the sheet's XML, the header included

    def rows_iter(self, name: str, limits: WorkbookLimits) -> Iterator[tuple[int, tuple[Any, ...]]]:
        return sheet_rows(self.sheet, limits, name=name)

    def close(self) -> None:
        self.workbook.close()


def open_sheet(path: Path, name: str, limits: WorkbookLimits = LIMITS) -> MemberSheet:
    """The members sheet of the workbook at ``path`` (a private copy of the user's
    file called ``name``), checked before it is parsed."""
    scan = check_workbook(path, limits, name=name)
    workbook = open_workbook(path, name=name)
    try:
        sheet = sheet_for(workbook)
    except Exception as exc:  # no sheets, a chart sheet first, ...: not a member list
        workbook.close()
        raise UserError("import_not_workbook", file=name) from exc
    inner = getattr(sheet, "_worksheet_path", None)
    if not isinstance(inner, str) or not hasattr(sheet, "_shared_strings"):
        workbook.close()
        raise UserError("import_not_workbook", file=name)
    return MemberSheet(workbook, sheet, scan.rows.get(inner))


def is_blank(values: Sequence[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def read_header(
    rows: Iterator[tuple[int, tuple[Any, ...]]],
) -> tuple[tuple[Any, ...], dict[str, int]]:
    first = next(rows, None)
    header = first[1] if first is not None else None
    columns = map_header(header or ())
    missing = [c for c in COLUMNS if c.required and c.field not in columns]
    if header is None or missing:
        raise UserError(
            "import_missing_columns",
            columns="、".join(c.zh for c in missing or COLUMNS if c.required),
        )
    return header, columns


class ErrorReport:
    """The failed rows as they were in the file, plus an error column, written
    row by row to a write-only workbook that is only created at the first error."""

    def __init__(self, path: Path, header: Sequence[Any], lang: str) -> None:
        self.path = path
        self.header = list(header)
        self.lang = lang
        self._wb: Workbook | None = None
        self._ws: Any = None
        self._tmp = path.with_name(path.name + ".tmp")

    def add(self, number: int, values: Sequence[Any], texts: Sequence[str]) -> None:
        if self._wb is None:
            self._wb = Workbook(write_only=True)
            en = self.lang.startswith("en")
            self._ws = self._wb.create_sheet("Members" if en else "会员")
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
