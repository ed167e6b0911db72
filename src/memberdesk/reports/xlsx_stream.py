"""A streaming .xlsx writer: the small part of SpreadsheetML the reports need.

Rows go straight from the report's iterator into the sheet's deflated zip entry, a
batch of text at a time, so a million-row sheet needs no more memory than a batch.
A table's rows are encoded by one function compiled from its column kinds
(:mod:`.xlsx_rows`: styles by column, not by cell); a value of another type than its
column expects still gets the right cell through :func:`_any_cell`.

What a cell becomes:

* text: an inline string (``t="inlineStr"``) — never a formula, whatever it starts
  with; characters XML 1.0 forbids are dropped, longer texts than Excel holds cut;
* Money: its exact yuan decimal (``12.34``, from the integer fen, never via a
  float) with the ``#,##0.00`` format; an int in a money column likewise as it is;
* int: a number with ``#,##0``; date / datetime: Excel serial days with
  ``yyyy-mm-dd`` / ``yyyy-mm-dd hh:mm`` (read back as dates by Excel, LibreOffice,
  calamine and openpyxl); ``None`` and ``""``: no cell.

Measured against openpyxl (write-only), XlsxWriter (``constant_memory``) and
rustpy-xlsxwriter by ``python -m tests.bench xlsx_writers``.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import BinaryIO
from xml.sax.saxutils import quoteattr
from zipfile import ZIP_DEFLATED, ZipFile

from memberdesk.money import Money

from .document import CellValue, ColumnKind

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAX_TEXT = 32_767  # characters in one Excel cell
BATCH_ROWS = 1000  # rows joined into one write
# Deflate level. Measured on 30,000 sales-detail rows (CPU, median of 3): level 1
# 0.69 s / 2.43 MB, level 4 0.93 s / 2.10 MB, level 6 0.95 s / 1.82 MB.
COMPRESS_LEVEL = 4
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|^\s|\s$")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Style:
    """Indexes into the ``cellXfs`` of :data:`STYLES_XML` (``BOLD`` + n: the same, bold)."""

    TEXT, DATE, DATETIME, INT, MONEY = 0, 1, 2, 3, 4
    HEADER, TITLE = 5, 6
    BOLD = 7  # 7..11: TEXT..MONEY in bold (a totals row)


_XF = '<xf numFmtId="{fmt}" fontId="{font}" fillId="0" borderId="0" xfId="0"{apply}/>'
_FMTS = (0, 164, 165, 3, 4)  # general, yyyy-mm-dd, yyyy-mm-dd hh:mm, #,##0, #,##0.00


def _xf(fmt: int, font: int) -> str:
    apply = (' applyNumberFormat="1"' if fmt else "") + (' applyFont="1"' if font else "")
    return _XF.format(fmt=fmt, font=font, apply=apply)


STYLES_XML = (
    f'{XML_HEAD}<styleSheet xmlns="{MAIN_NS}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FF2F5597"/>'
    '<bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="12">'
    + "".join(_xf(f, 0) for f in _FMTS)
    + '<xf numFmtId="0" fontId="2" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"'
    ' applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>'
    + _xf(0, 3)
    + "".join(_xf(f, 1) for f in _FMTS)
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xml_text(text: str) -> str:
    """``text`` escaped for an element, minus what XML 1.0 cannot hold, cut to Excel's limit."""
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    if _SPECIAL.search(text) is None:
        return text
    return _ILLEGAL.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def money_text(fen: int) -> str:
    """The exact yuan decimal of ``fen``: 1234 -> ``12.34``, -5 -> ``-0.05``."""
    whole, part = divmod(-fen if fen < 0 else fen, 100)
    return f"{'-' if fen < 0 else ''}{whole}.{part:02d}"


def date_serial(day: date) -> int:
    return day.toordinal() - _EXCEL_EPOCH


def datetime_serial(at: datetime) -> str:
    seconds = at.hour * 3600 + at.minute * 60 + at.second + at.microsecond / 1_000_000
    return repr(at.toordinal() - _EXCEL_EPOCH + seconds / 86400)


def _text_cell(ref: str, text: str, style: int) -> str:
    s = f' s="{style}"' if style else ""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{xml_text(text)}</t></is></c>'


def _any_cell(ref: str, value: CellValue, kind: ColumnKind, bold: bool) -> str:
    """The cell of any value in a column of ``kind`` (the general, slower path)."""
    b = Style.BOLD if bold else 0
    if value is None or value == "":
        return ""
    if isinstance(value, Money):
        return f'<c r="{ref}" s="{Style.MONEY + b}"><v>{money_text(value.fen)}</v></c>'
    if isinstance(value, datetime):
        at = value.replace(tzinfo=None)
        return f'<c r="{ref}" s="{Style.DATETIME + b}"><v>{datetime_serial(at)}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{Style.DATE + b}"><v>{date_serial(value)}</v></c>'
    if isinstance(value, bool):
        return _text_cell(ref, str(value), b)
    if isinstance(value, int):
        if kind is ColumnKind.MONEY:
            return f'<c r="{ref}" s="{Style.MONEY + b}"><v>{value}</v></c>'
        return f'<c r="{ref}" s="{Style.INT + b}"><v>{value}</v></c>'
    return _text_cell(ref, str(value), b)


RowEncoder = Callable[[str, Sequence[CellValue]], str]  # (row number, values) -> row XML


class SheetWriter:
    """One worksheet being streamed into the package. Rows are numbered from 1."""

    def __init__(self, package: XlsxPackage, name: str, widths: Iterable[float],
                 frozen_header: bool) -> None:
        self.name = name
        self.row = 0
        self.filter_ref = ""
        self._package = package
        package.open_sheet = self
        self._raw = package.zip.open(f"xl/worksheets/sheet{len(package.sheets) + 1}.xml", "w",
                                     force_zip64=True)
        self._out = io.TextIOWrapper(self._raw, encoding="utf-8", errors="replace",
                                     newline="", write_through=False)
        view = ('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
                'activeCell="A2" sqref="A2"/></sheetView></sheetViews>' if frozen_header else
                '<sheetViews><sheetView workbookViewId="0"/></sheetViews>')
        cols = "".join(f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"/>'
                       for i, w in enumerate(widths, start=1))
        self._out.write(f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{view}'
                        f'<sheetFormatPr defaultRowHeight="15"/>'
                        f'{f"<cols>{cols}</cols>" if cols else ""}<sheetData>')

    def header(self, titles: Iterable[str], style: int = Style.HEADER) -> None:
        """One row of text cells in ``style`` (a table's header, a title)."""
        self._row([_text_cell(column_letter(i) + str(self.row + 1), t, style)
                   for i, t in enumerate(titles)])

    def cells(self, values: Iterable[CellValue], kinds: Iterable[ColumnKind] = (),
              bold: bool = False) -> None:
        """One row of values, each as its type (an int as its column's ``kinds``)."""
        n, ks = str(self.row + 1), list(kinds)
        self._row([_any_cell(column_letter(i) + n, v,
                             ks[i] if i < len(ks) else ColumnKind.TEXT, bold)
                   for i, v in enumerate(values)])

    def _row(self, cells: list[str]) -> None:
        self.row += 1
        self._out.write(f'<row r="{self.row}">{"".join(cells)}</row>')

    def stream(self, rows: Iterable[Sequence[CellValue]], encode: RowEncoder,
               every: Callable[[int], None]) -> int:
        """Write ``rows`` through ``encode`` (:func:`.xlsx_rows.row_encoder`);
        ``every(count)`` after each batch."""
        write, batch, count, n = self._out.write, [], 0, self.row
        for row in rows:
            n += 1
            batch.append(encode(str(n), row))
            if len(batch) == BATCH_ROWS:
                write("".join(batch))
                batch.clear()
                count += BATCH_ROWS
                every(count)
        write("".join(batch))
        self.row = n
        return count + len(batch)

    def close(self) -> None:
        auto = f'<autoFilter ref="{self.filter_ref}"/>' if self.filter_ref else ""
        self._out.write(f"</sheetData>{auto}</worksheet>")
        self._out.flush()
        self._out.detach()
        self._raw.close()
        self._package.sheets.append(self)
        self._package.open_sheet = None

    def discard(self) -> None:
        """Close the entry after a failure, quietly (the file is being thrown away)."""
        with contextlib.suppress(Exception):
            self._out.close()


class XlsxPackage:
    """The zip package: sheets are streamed one after another, then :meth:`finish`
    writes the workbook, styles and relationships."""

    def __init__(self, fh: BinaryIO) -> None:
        self.zip = ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=COMPRESS_LEVEL)
        self.sheets: list[SheetWriter] = []
        self.open_sheet: SheetWriter | None = None

    def sheet(self, name: str, widths: Iterable[float], frozen_header: bool = False) -> SheetWriter:
        return SheetWriter(self, name, widths, frozen_header)

    def finish(self) -> None:
        n = len(self.sheets)
        sheets = "".join(f'<sheet name={quoteattr(s.name)} sheetId="{i}" r:id="rId{i}"/>'
                         for i, s in enumerate(self.sheets, start=1))
        filters = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{_absolute(s.name, s.filter_ref)}</definedName>"
            for i, s in enumerate(self.sheets) if s.filter_ref)
        names = f"<definedNames>{filters}</definedNames>" if filters else ""
        self.zip.writestr("xl/workbook.xml", (
            f'{XML_HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><bookViews>'
            f'<workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets>{names}'
            "</workbook>"))
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" '
            f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
        self.zip.writestr("xl/_rels/workbook.xml.rels", (
            f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}">{rels}'
            f'<Relationship Id="rId{n + 1}" Type="{REL_NS}/styles" Target="styles.xml"/>'
            "</Relationships>"))
        self.zip.writestr("xl/styles.xml", STYLES_XML)
        self.zip.writestr("_rels/.rels", (
            f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            f'ContentType="{sheet_type}.worksheet+xml"/>' for i in range(1, n + 1))
        self.zip.writestr("[Content_Types].xml", (
            f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            f'ContentType="{sheet_type}.sheet.main+xml"/><Override PartName="/xl/styles.xml" '
            f'ContentType="{sheet_type}.styles+xml"/>{overrides}</Types>'))
        self.zip.close()

    def abandon(self) -> None:
        """Give the handle up after a failure (a full disk): the caller discards the file,
        and the garbage collector must not write a zip end record to a closed handle."""
        if self.open_sheet is not None:
            self.open_sheet.discard()
        self.zip.fp = None


def _absolute(sheet: str, ref: str) -> str:
    """``'Sheet'!$A$1:$K$9`` for a defined name."""
    quoted = "'" + sheet.replace("'", "''") + "'"
    cells = [re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", part) for part in ref.split(":")]
    return xml_text(f"{quoted}!{':'.join(cells)}")
