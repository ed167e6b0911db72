"""A report on screen (HTML in a text browser) and on paper (Qt's print dialog).

The report's own words (title, headings, column names) are the shop's document
language, as in the exported Excel and PDF files; the surrounding screen is
translated.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QLineEdit, QTextBrowser, QWidget

from memberdesk.ui.shell.i18n import Retranslating

from .jobs import ScreenDocument, ScreenTable

_CSS = """
h1 { font-size: 14pt; margin: 0 0 4px 0; }
p.sub { color: #5c6b7a; margin: 0 0 10px 0; }
h2 { font-size: 13pt; margin: 14px 0 4px 0; }
table { border-collapse: collapse; }
th { background: #eef2f5; padding: 4px 10px; text-align: left; }
td { padding: 3px 10px; border-bottom: 1px solid #e2e7ec; }
td.n { text-align: right; }
tr.total td { font-weight: bold; border-top: 1px solid #9aa5b1; }
p.note { color: #5c6b7a; }
p.more { color: #8a4300; }
"""


def _table_html(t: ScreenTable, more: str, empty: str) -> str:
    def cells(values: tuple[str, ...], tag: str = "td") -> str:
        return "".join(
            f'<{tag} class="n">{escape(v)}</{tag}>' if n and tag == "td" else f"<{tag}>{escape(v)}</{tag}>"
            for v, n in zip(values, t.numeric, strict=True)
        )

    rows = [f"<tr>{cells(t.headers, 'th')}</tr>"]
    rows += [f"<tr>{cells(r)}</tr>" for r in t.rows]
    if not t.rows:
        rows.append(f'<tr><td colspan="{len(t.headers)}">{escape(empty)}</td></tr>')
    if t.totals is not None:
        rows.append(f'<tr class="total">{cells(t.totals)}</tr>')
    html = f"<h2>{escape(t.title)}</h2><table cellspacing=\"0\">{''.join(rows)}</table>"
    if t.more:
        html += f'<p class="more">{escape(more)}</p>'
    return html


def to_html(doc: ScreenDocument, *, more: str, empty: str) -> str:
    parts = [f"<style>{_CSS}</style>", f"<h1>{escape(doc.title)}</h1>",
             f'<p class="sub">{escape(doc.shop_name)}　{escape(doc.period)}</p>']
    if doc.summary:
        rows = "".join(f'<tr><td>{escape(k)}</td><td class="n">{escape(v)}</td></tr>'
                       for k, v in doc.summary)
        parts.append(f'<table cellspacing="0">{rows}</table>')
    parts += [_table_html(t, more, empty) for t in doc.tables]
    if doc.note:
        parts.append(f'<p class="note">{escape(doc.note)}</p>')
    return "".join(parts)


class ReportPreview(Retranslating, QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.setOpenLinks(False)
        self.current: ScreenDocument | None = None
        self.pdf: Path | None = None  # a print to a file: the exports folder, report and date
        self.retranslate()

    def show_document(self, screen: ScreenDocument | None, pdf: Path | None = None) -> None:
        self.current, self.pdf = screen, pdf
        self.retranslate()

    @property
    def has_document(self) -> bool:
        return self.current is not None

    def print_to(self, printer: QPrinter) -> None:
        self.document().print_(printer)

    def print_dialog(self, folder: Path | None = None) -> tuple[QPrintDialog, QPrinter]:
        """Qt's print dialog, its PDF file (print to a file) in the shop's exports folder
        (or ``folder``, the one chosen for exports) named after the report and its date,
        not the home folder's print.pdf."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        target = None if self.pdf is None else (folder or self.pdf.parent) / self.pdf.name
        if target is not None:
            printer.setDocName(target.stem)  # the print queue's name for the job
            if not QPrinterInfo.availablePrinterNames():  # a file is all there is
                printer.setOutputFileName(str(target))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the report"))
        file_field = dialog.findChild(QLineEdit, "filename")  # Qt's own dialog (not Windows')
        if target is not None and file_field is not None:
            file_field.setText(str(target))
        return dialog, printer

    def print_with_dialog(self, folder: Path | None = None) -> bool:
        """Qt's print dialog (any printer, or "print to PDF"); True if printed."""
        dialog, printer = self.print_dialog(folder)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.print_to(printer)
        return True

    def retranslate(self) -> None:
        if self.current is None:
            nothing = self.tr("Nothing to show yet.")
            self.setHtml(f'<p style="color:#6b7785">{escape(nothing)}</p>')
            return
        self.setHtml(to_html(
            self.current,
            more=self.tr("Only the first rows are shown here; the export has them all."),
            empty=self.tr("(no data)"),
        ))
