"""The shape every exported report takes: a title, a summary and tables of rows."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from memberdesk.money import Money

CellValue = str | int | Money | date | datetime | None


class ColumnKind(StrEnum):
    TEXT = "text"
    MONEY = "money"
    INT = "int"
    DATE = "date"
    DATETIME = "datetime"


@dataclass(frozen=True)
class Column:
    title: str
    kind: ColumnKind = ColumnKind.TEXT
    width: int | None = None  # characters; None = from the title and kind


class ChartKind(StrEnum):
    BAR = "bar"  # vertical columns
    HBAR = "hbar"  # horizontal bars (a pyramid, a funnel)
    LINE = "line"


@dataclass(frozen=True)
class Chart:
    """A chart of a (small, static) table: ``label`` is the column of the category
    names, ``values`` the columns drawn, one series each (money and counts only).
    Every exporter draws it beside its table, the value axis from 0."""

    kind: ChartKind
    values: tuple[int, ...]
    label: int = 0


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    # An iterable so large tables stream; call ``rows()`` to get a fresh iterator
    # (the PDF and the workbook each read the rows once).
    rows: Callable[[], Iterable[tuple[CellValue, ...]]]
    totals: tuple[CellValue, ...] | None = None
    chart: Chart | None = None


def chart_number(value: CellValue) -> float:
    """A cell as a chart draws it: money in yuan, counts as they are, else 0."""
    if isinstance(value, Money):
        return value.fen / 100
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return 0.0


@dataclass(frozen=True)
class Document:
    title: str
    shop_name: str
    period: str
    generated_at: datetime
    summary: tuple[tuple[str, CellValue], ...] = ()
    tables: tuple[Table, ...] = field(default_factory=tuple)
    note: str = ""
    lang: str = "zh_CN"  # the exporters' own words (summary, page x of y): zh_CN or en

    def word(self, key: str) -> str:
        """One of the exporters' own words (:data:`WORDS`) in the document's language."""
        zh, en = WORDS[key]
        return en if self.lang.lower().startswith("en") else zh


# What the exporters write themselves, around the report's own words.
WORDS: dict[str, tuple[str, str]] = {
    "summary": ("汇总", "Summary"),
    "shop": ("门店", "Shop"),
    "period": ("期间", "Period"),
    "generated": ("生成时间", "Generated"),
    "no_data": ("（无数据）", "(no data)"),
    "page": ("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}"),
}


def static_rows(rows: list[tuple[CellValue, ...]]) -> Callable[[], Iterable[tuple[CellValue, ...]]]:
    return lambda: iter(rows)


def format_cell(value: CellValue) -> str:
    """How a value reads in the PDF."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return value.display()
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


class ExportError(Exception):
    """An export that could not be written; ``code`` is disk_full / not_writable / no_font."""

    def __init__(self, code: str, path: str, detail: str = "") -> None:
        self.code = code
        self.path = path
        self.detail = detail
        super().__init__(f"{code}: {path} {detail}".strip())


def discard(path: Path) -> None:
    """Remove a half-written file, whatever state its folder is in."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def export_os_error(exc: OSError, path: Path) -> ExportError:
    code = "disk_full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "not_writable"
    return ExportError(code, str(path), exc.strerror or str(exc))


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary handle on ``path.partial``: fsynced and renamed to ``path`` when the
    block succeeds; removed, with OSErrors turned into ExportError, when it fails."""
    tmp = path.with_name(path.name + ".partial")
    try:
        fh = tmp.open("wb")  # fail fast on an unwritable folder, before any work
    except OSError as exc:
        raise export_os_error(exc, path) from exc
    try:
        with fh:  # our handle: closed even when the disk fills up
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        discard(tmp)
        raise export_os_error(exc, path) from exc
    except BaseException:
        discard(tmp)
        raise
