"""Write a report Document to PDF with reportlab.

An embedded CJK TrueType font, the shop name, title and period on every page,
tables that break across pages with the header row repeated, and "第 x 页 / 共 y 页".
Streamed: a table's rows become flowables in chunks as the pages reach them, and
each page is written out when finished (the page count is a form drawn at the end),
so memory does not grow with the rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from .document import (
    ColumnKind,
    Document,
    ExportError,
    Table,
    atomic_output,
    format_cell,
)
from .fonts import cjk_font
from .pdf_charts import chart_drawing

HEADING_ROOM = 30 * mm
CHUNK_ROWS = 400  # one LongTable per chunk keeps layout fast on long reports
HEADER_BG = colors.HexColor("#2F5597")
Progress = Callable[[int], bool]


TOTAL_FORM = "md_page_total"  # the page count, drawn once at the end and shown on every page
AHEAD = 4  # flowables laid out ahead of the page being drawn


def _numbered_canvas(doc_info: Document, font: str) -> type[Canvas]:
    template = doc_info.word("page")
    before, _, after = template.partition("{pages}")

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Stamps each page as it is finished: 'page x of' is drawn there and then, the
        total is a form (an XObject) every page refers to and :meth:`save` draws once
        the count is known. Nothing of a finished page is kept (bounded memory)."""

        def showPage(self) -> None:
            self._decorate()
            super().showPage()

        def save(self) -> None:
            self.beginForm(TOTAL_FORM)
            self.setFont(font, 9)
            self.setFillColor(colors.grey)
            self.drawString(0, 0, f"{self._pageNumber - 1}{after}")
            self.endForm()
            super().save()

        def _decorate(self) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(font, 9)
            self.setFillColor(colors.grey)
            self.drawString(15 * mm, height - 10 * mm, f"{doc_info.shop_name}  ·  {doc_info.title}")
            self.drawRightString(width - 15 * mm, height - 10 * mm, doc_info.period)
            head = before.format(page=self._pageNumber)
            # centred as if the total had as many digits as this page's number
            guess = self.stringWidth(f"{self._pageNumber}{after}", font, 9)
            x = width / 2 + (self.stringWidth(head, font, 9) - guess) / 2
            self.drawRightString(x, 8 * mm, head)
            self.translate(x, 8 * mm)
            self.doForm(TOTAL_FORM)
            self.restoreState()
            self.setFont(font, 9)
            self.setFillColor(colors.grey)
            self.drawRightString(
                width - 15 * mm, 8 * mm, doc_info.generated_at.strftime("%Y-%m-%d %H:%M")
            )

    return NumberedCanvas


class _Story(list[Any]):
    """The story as reportlab takes it (a list it pops from the front), filled from a
    generator a few flowables ahead: a long table's chunks are made as the pages
    reach them and dropped once drawn, never all held at once."""

    def __init__(self, head: list[Any], more: Iterator[Any]) -> None:
        super().__init__(head)
        self._more: Iterator[Any] | None = more

    def __len__(self) -> int:
        n = super().__len__()
        while n < AHEAD and self._more is not None:
            nxt = next(self._more, None)
            if nxt is None:
                self._more = None
                break
            self.append(nxt)
            n += 1
        return n


def _styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("t", fontName=font, fontSize=18, leading=24, spaceAfter=4),
        "sub": ParagraphStyle("s", fontName=font, fontSize=10, leading=14,
                              textColor=colors.grey),
        "h2": ParagraphStyle("h", fontName=font, fontSize=13, leading=18, spaceBefore=10,
                             spaceAfter=4),
        "cell": ParagraphStyle("c", fontName=font, fontSize=8.5, leading=11),
        "note": ParagraphStyle("n", fontName=font, fontSize=9, leading=13),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table_style(font: str, n_rows: int, kinds: list[ColumnKind], has_totals: bool) -> TableStyle:
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#B4C0D8")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F2F5FB")]),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i, kind in enumerate(kinds):
        if kind in (ColumnKind.MONEY, ColumnKind.INT):
            style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    if has_totals:
        style.append(("BACKGROUND", (0, n_rows - 1), (-1, n_rows - 1), colors.HexColor("#DDE4F2")))
    return TableStyle(style)


def _col_widths(table: Table, usable: float) -> list[float]:
    weights = [
        float(c.width or {ColumnKind.MONEY: 12, ColumnKind.INT: 8, ColumnKind.DATE: 11,
                          ColumnKind.DATETIME: 15}.get(c.kind, 16))
        for c in table.columns
    ]
    total = sum(weights)
    return [usable * w / total for w in weights]


def _table_flowables(
    table: Table, font: str, styles: dict[str, ParagraphStyle], usable: float,
    progress: Progress | None, written: list[int], no_data: str,
) -> Iterator[Any]:
    kinds = [c.kind for c in table.columns]
    header = [Paragraph(_esc(c.title), styles["cell"]) for c in table.columns]
    widths = _col_widths(table, usable)
    # A heading never stands alone at a page foot: start a new page when less than
    # the heading and a few rows' room is left (a long table still starts mid-page).
    yield CondPageBreak(HEADING_ROOM)
    heading = Paragraph(_esc(table.title), styles["h2"])
    drawing = chart_drawing(table, font, usable)
    # a chart and its heading stay together
    yield heading if drawing is None else KeepTogether([heading, drawing])
    rows_iter = iter(table.rows())
    any_rows = False
    while True:
        chunk = list(itertools.islice(rows_iter, CHUNK_ROWS))
        if not chunk and any_rows:
            break
        any_rows = True
        data: list[list[Any]] = [header]
        for row in chunk:
            data.append([
                Paragraph(_esc(format_cell(v)), styles["cell"])
                if k is ColumnKind.TEXT and isinstance(v, str) and len(v) > 12
                else format_cell(v)
                for v, k in zip(row, kinds, strict=True)
            ])
        written[0] += len(chunk)
        if progress is not None and not progress(written[0]):
            raise ExportError("cancelled", "")
        last = len(chunk) < CHUNK_ROWS
        if last and table.totals is not None:
            data.append([format_cell(v) for v in table.totals])
        if not chunk and table.totals is None:
            data.append([no_data] + [""] * (len(kinds) - 1))
        t = LongTable(data, colWidths=widths, repeatRows=1)
        t.setStyle(_table_style(font, len(data), kinds, last and table.totals is not None))
        yield t
        if last:
            break


def write_pdf(doc: Document, path: Path, progress: Progress | None = None) -> int:
    """Render ``doc`` to ``path`` (via a temporary file). Returns table rows written."""
    font = cjk_font()
    styles = _styles(font)
    wide = any(len(t.columns) > 6 for t in doc.tables)
    pagesize = landscape(A4) if wide else A4
    template = SimpleDocTemplate(
        None, pagesize=pagesize, leftMargin=15 * mm, rightMargin=15 * mm,
        topMargin=16 * mm, bottomMargin=14 * mm, title=doc.title, author=doc.shop_name,
        initialFontName=font,
    )
    usable = pagesize[0] - 30 * mm
    story: list[Any] = [
        Paragraph(_esc(doc.title), styles["title"]),
        Paragraph(_esc(f"{doc.shop_name}　　{doc.period}"), styles["sub"]),
        Spacer(1, 6),
    ]
    if doc.summary:
        data = [[label, format_cell(v)] for label, v in doc.summary]
        t = LongTable(data, colWidths=[usable * 0.35, usable * 0.25], hAlign="LEFT")
        t.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 10),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#CCCCCC")),
        ]))
        story.append(KeepTogether([Paragraph(_esc(doc.word("summary")), styles["h2"]), t]))
    written = [0]
    tables = (f for table in doc.tables for f in _table_flowables(
        table, font, styles, usable, progress, written, doc.word("no_data")))
    note = [Spacer(1, 8), Paragraph(_esc(doc.note), styles["note"])] if doc.note else []
    with atomic_output(path) as fh:
        template.filename = fh
        template.build(_Story(story, itertools.chain(tables, note)),
                       canvasmaker=_numbered_canvas(doc, font))
    return written[0]


