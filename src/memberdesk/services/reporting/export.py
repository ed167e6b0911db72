"""Write a report Document to .xlsx and/or .pdf, with user-facing errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from memberdesk.reports.document import Document, ExportError
from memberdesk.reports.pdf import write_pdf
from memberdesk.reports.xlsx import write_xlsx
from memberdesk.services.shared.errors import UserError


def _user_error(exc: ExportError) -> UserError:
    if exc.code == "disk_full":
        return UserError("disk_full", path=exc.path)
    if exc.code == "no_font":
        return UserError("no_cjk_font")
    if exc.code == "cancelled":
        return UserError("export_cancelled")
    return UserError("path_not_writable", path=exc.path, problem=exc.detail)


def export_document(
    doc: Document,
    *,
    xlsx: Path | None = None,
    pdf: Path | None = None,
    progress: Callable[[int], bool] | None = None,
) -> list[Path]:
    written: list[Path] = []
    try:
        if xlsx is not None:
            write_xlsx(doc, xlsx, progress)
            written.append(xlsx)
        if pdf is not None:
            write_pdf(doc, pdf, progress)
            written.append(pdf)
    except ExportError as exc:
        raise _user_error(exc) from exc
    return written
