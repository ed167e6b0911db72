"""Reading an .xlsx someone else made, safely: the one way the project opens a
workbook it did not write (the member import; any later import uses it too).

A workbook is a zip of XML parts, and neither the zip nor the XML can be trusted:
a 300 KB file can unpack to gigabytes, hold millions of shared strings or one
400 MB string, claim a dimension of ``A1:XFD1048576`` or number a row 999,999,999.
So, before any XML is parsed:

* :func:`check_workbook` looks at the zip with :mod:`zipfile` only (the directory,
  then each XML part streamed in 1 MB chunks, never held whole): the file size,
  every part's and the total unpacked size, the compression ratio, encryption,
  DTDs, the number of shared strings, rows and cells (counted tag by tag), cells
  per row, and the longest text without markup (a cell's text cannot be longer).
  Memory stays bounded whatever the file holds: :mod:`zipfile` never yields more
  than the size a part declares (it stops there and checks the CRC), and that
  size is checked first.
* :func:`open_workbook` then lets openpyxl read the workbook (read-only), any
  failure of a damaged file becoming a :class:`UserError`.
* :func:`sheet_rows` reads a sheet row by row with openpyxl's row parser, by the
  row numbers the rows actually have: the declared dimension is ignored, missing
  rows are not made up, columns past :attr:`WorkbookLimits.max_columns` are
  dropped, and a row number past Excel's last row is refused.

Every refusal is a :class:`UserError` in Chinese and English, never a traceback.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.worksheet._reader import WorkSheetParser

from memberdesk.services.shared.errors import UserError

EXCEL_MAX_ROW = 1_048_576
EXCEL_MAX_COLUMN = 16_384
_MB = 1 << 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls files
_TAG_RE = re.compile(rb"<(?:\w{1,16}:)?(row|c|si)[\s>/]")
_DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TAIL = 32  # bytes kept between chunks so a tag split by a chunk boundary is seen


@dataclass(frozen=True)
class WorkbookLimits:
    """What a workbook may hold. The defaults are far above a shop's member list
    (100,000 members with 15 columns is about 25 MB unpacked, 1.5 million cells)
    and far below what would stall the till or exhaust memory. Tests pass smaller
    ones."""

    max_file_bytes: int = 64 * _MB
    max_part_bytes: int = 256 * _MB  # one part, unpacked
    max_total_bytes: int = 512 * _MB  # all parts, unpacked
    max_parts: int = 2_000
    max_ratio: int = 200  # unpacked / packed, for parts bigger than ratio_floor_bytes
    ratio_floor_bytes: int = 4 * _MB
    max_shared_strings: int = 1_500_000
    max_text_bytes: int = 256 * 1024  # Excel: 32,767 characters a cell, up to 6 bytes each escaped
    max_rows: int = 200_000  # rows of data in one sheet (row elements, blank ones too)
    max_cells: int = 4_000_000  # cell elements in one sheet
    max_cells_per_row: int = EXCEL_MAX_COLUMN
    max_columns: int = 256  # columns read; cells further right are ignored


LIMITS = WorkbookLimits()


@dataclass
class WorkbookScan:
    """What :func:`check_workbook` counted: rows and cells of each XML part."""

    rows: dict[str, int] = field(default_factory=dict)
    cells: dict[str, int] = field(default_factory=dict)
    shared_strings: int = 0


def _refuse(code: str, path: Path, **params: Any) -> UserError:
    return UserError(code, file=path.name, **params)


def _mb(n: int) -> str:
    return f"{n / _MB:,.0f}" if n >= _MB else f"{n / _MB:.2f}"


def private_copy(path: Path, folder: Path, limits: WorkbookLimits = LIMITS) -> tuple[Path, str]:
    """Copy ``path`` into ``folder`` (so the file read is the file checked, even if
    someone changes the original meanwhile) and return the copy and its SHA-256."""
    if not path.is_file():
        raise UserError("sheet_unreadable", file=path.name, detail="not found")
    copy = folder / "workbook.xlsx"
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as src, copy.open("wb") as dst:
            while chunk := src.read(_MB):
                size += len(chunk)
                if size > limits.max_file_bytes:
                    raise _refuse("workbook_too_big", path, mb=_mb(limits.max_file_bytes))
                digest.update(chunk)
                dst.write(chunk)
    except OSError as exc:
        raise UserError("sheet_unreadable", file=path.name, detail=str(exc)) from exc
    return copy, digest.hexdigest()


def check_workbook(
    path: Path, limits: WorkbookLimits = LIMITS, *, name: str | None = None
) -> WorkbookScan:
    """Refuse a file that is not a workbook or that would cost too much to read (see
    the module doc); ``name`` is the file name shown in messages."""
    shown = Path(name) if name else path
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            magic = fh.read(len(_OLE_MAGIC))
    except OSError as exc:
        raise UserError("sheet_unreadable", file=shown.name, detail=str(exc)) from exc
    if size == 0:
        raise _refuse("workbook_empty", shown)
    if size > limits.max_file_bytes:
        raise _refuse("workbook_too_big", shown, mb=_mb(limits.max_file_bytes))
    if magic == _OLE_MAGIC:
        raise _refuse("workbook_encrypted", shown)
    try:
        with zipfile.ZipFile(path) as zf:
            return _check_parts(zf, shown, limits)
    except UserError:
        raise
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        raise _refuse("workbook_encrypted", shown) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError) as exc:  # fmt: skip
        raise _refuse("import_not_workbook", shown) from exc


def _check_parts(zf: zipfile.ZipFile, shown: Path, limits: WorkbookLimits) -> WorkbookScan:
    infos = zf.infolist()
    if len(infos) > limits.max_parts:
        raise _refuse("workbook_damaged", shown, detail=f"{len(infos)} parts")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse("workbook_encrypted", shown)
        total += info.file_size
        if info.file_size > limits.max_part_bytes:
            raise _refuse("workbook_unpacks_too_big", shown, mb=_mb(limits.max_part_bytes))
        if total > limits.max_total_bytes:
            raise _refuse("workbook_unpacks_too_big", shown, mb=_mb(limits.max_total_bytes))
        if (
            info.file_size > limits.ratio_floor_bytes
            and info.file_size > limits.max_ratio * max(info.compress_size, 1)
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise _refuse("workbook_suspicious", shown, ratio=f"{ratio:,}")
    scan = WorkbookScan()
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            with zf.open(info) as fh:
                _scan_part(fh, info.filename, scan, shown, limits)
    if "xl/workbook.xml" not in zf.namelist() and not any(
        i.filename.lower().endswith("workbook.xml") for i in infos
    ):
        raise _refuse("import_not_workbook", shown)
    return scan


def _scan_part(
    fh: IO[bytes], name: str, scan: WorkbookScan, shown: Path, limits: WorkbookLimits
) -> None:
    """Count one part's rows, cells and shared strings and measure its longest run
    of text without markup, 1 MB at a time."""
    counts = _PartCounts()
    run = 0  # bytes since the last '<'
    tail = b""
    while chunk := fh.read(_MB):
        pieces = chunk.split(b"<")
        run += len(pieces[0])
        longest = max(run, *(len(p) for p in pieces[1:-1]), len(pieces[-1]))
        if len(pieces) > 1:
            run = len(pieces[-1])
        if longest > limits.max_text_bytes:
            raise _refuse("workbook_text_too_long", shown, max=f"{limits.max_text_bytes:,}")
        data = tail + chunk
        if _DTD_RE.search(data):
            raise _refuse("workbook_damaged", shown, detail="DTD")
        cut = max(len(data) - _TAIL, 0)
        counts.add(data, cut, scan, shown, limits)
        tail = data[cut:]
    counts.add(tail, len(tail), scan, shown, limits)
    scan.rows[name] = counts.rows
    scan.cells[name] = counts.cells


@dataclass
class _PartCounts:
    rows: int = 0
    cells: int = 0
    in_row: int = 0

    def add(
        self, data: bytes, cut: int, scan: WorkbookScan, shown: Path, limits: WorkbookLimits
    ) -> None:
        """Count the tags that start before ``cut`` (the rest is seen with the next chunk)."""
        for m in _TAG_RE.finditer(data):
            if m.start() >= cut:
                break
            tag = m.group(1)
            if tag == b"row":
                self.rows, self.in_row = self.rows + 1, 0
            elif tag == b"c":
                self.cells, self.in_row = self.cells + 1, self.in_row + 1
                if self.in_row > limits.max_cells_per_row:
                    raise _refuse(
                        "workbook_too_many_cells", shown, max=f"{limits.max_cells_per_row:,}"
                    )
            else:
                scan.shared_strings += 1
        if self.rows > limits.max_rows + 1:  # the header row and max_rows rows of data
            raise _refuse("import_too_many_rows", shown, max=f"{limits.max_rows:,}")
        if self.cells > limits.max_cells:
            raise _refuse("workbook_too_many_cells", shown, max=f"{limits.max_cells:,}")
        if scan.shared_strings > limits.max_shared_strings:
            raise _refuse(
                "workbook_too_many_strings", shown, max=f"{limits.max_shared_strings:,}"
            )


def open_workbook(path: Path, *, name: str | None = None) -> Any:
    """openpyxl's read-only workbook of a file :func:`check_workbook` passed; a file
    openpyxl cannot read (damaged workbook.xml, styles, ...) is a user error."""
    try:
        return load_workbook(path, read_only=True)
    except UserError:
        raise
    except Exception as exc:  # any failure to read someone else's file is the file's fault
        raise _refuse("import_not_workbook", Path(name) if name else path) from exc


class Formula(str):
    """The text of a formula cell (imports refuse formulas: type the value itself)."""


def sheet_rows(
    sheet: Any, limits: WorkbookLimits = LIMITS, *, name: str = ""
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """``(row number, values)`` for each row the sheet's XML holds, formula cells as
    :class:`Formula`, at most ``limits.max_columns`` values a row (trailing empty
    cells dropped). Ignores the declared dimension; invents no missing rows."""
    shown = Path(name or "workbook.xlsx")
    wb = sheet.parent
    try:
        with wb._archive.open(sheet._worksheet_path) as src:
            parser = WorkSheetParser(
                src, sheet._shared_strings, data_only=False, epoch=wb.epoch,
                date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats,
            )  # fmt: skip
            for read, (number, cells) in enumerate(parser.parse(), start=1):
                if number < 1 or number > EXCEL_MAX_ROW:
                    raise _refuse("workbook_damaged", shown, detail=f"row {number}")
                if read > limits.max_rows + 1:
                    raise _refuse("import_too_many_rows", shown, max=f"{limits.max_rows:,}")
                yield number, _values(cells, limits.max_columns)
    except UserError:
        raise
    except Exception as exc:  # a damaged sheet: bad XML, bad cell references or values
        raise _refuse("import_not_workbook", shown) from exc


def _values(cells: list[dict[str, Any]], max_columns: int) -> tuple[Any, ...]:
    width = max((c["column"] for c in cells if c["column"] <= max_columns), default=0)
    values: list[Any] = [None] * width
    for c in cells:
        col = c["column"]
        if 1 <= col <= width:
            value = c["value"]
            values[col - 1] = Formula(value) if c["data_type"] == "f" else value
    while values and values[-1] is None:
        values.pop()
    return tuple(values)
