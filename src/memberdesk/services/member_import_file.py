"""The file side of a member import: opening the workbook read-only, reading its
header and rows as a stream, counting rows for the progress bar, hashing the file
for the audit log, and writing the error report workbook as the import goes."""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .errors import UserError
from .member_sheet import COLUMNS, map_header, safe_row, sheet_for

_ROW_TAG_RE = re.compile(rb"<(?:\w+:)?row[\s>]")


def open_sheet(path: Path) -> tuple[Any, Any]:
    if not path.is_file():
        raise UserError("sheet_unreadable", file=path.name, detail="not found")
    try:
        workbook = load_workbook(path, read_only=True)
        return workbook, sheet_for(workbook)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise UserError("import_not_workbook", file=path.name) from exc
    except OSError as exc:
        raise UserError("sheet_unreadable", file=path.name, detail=str(exc)) from exc


def count_rows(path: Path, sheet: Any) -> int | None:
    """Rows in the sheet, counted by scanning its XML (fast; for the progress bar)."""
    inner = getattr(sheet, "_worksheet_path", None)
    if not isinstance(inner, str):
        return None
    try:
        count, tail = 0, b""
        with zipfile.ZipFile(path) as zf, zf.open(inner) as fh:
            while chunk := fh.read(1 << 20):
                data = tail + chunk
                count += len(_ROW_TAG_RE.findall(data[: len(data) - 16]))
                tail = data[len(data) - 16 :]
            count += len(_ROW_TAG_RE.findall(tail))
        return count
    except (OSError, KeyError, zipfile.BadZipFile):
        return None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def is_blank(values: Sequence[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def read_header(rows: Iterator[tuple[Any, ...]]) -> tuple[tuple[Any, ...], dict[str, int]]:
    header = next(rows, None)
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


class Formula(str):
    """The text of a formula cell (imports refuse formulas: type the value itself)."""


def sheet_rows(sheet: Any, path: Path) -> Iterator[tuple[Any, ...]]:
    """The sheet's values row by row, formula cells as :class:`Formula`; a damaged
    file becomes a user error, not a traceback."""
    try:
        for cells in sheet.iter_rows():
            yield tuple(Formula(c.value) if c.data_type == "f" else c.value for c in cells)
    except (ParseError, zipfile.BadZipFile, zlib.error, EOFError, KeyError) as exc:
        raise UserError("import_not_workbook", file=path.name) from exc
