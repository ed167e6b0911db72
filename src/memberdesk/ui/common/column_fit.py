"""Columns that share a table's width, as a desktop table should at 1024 px.

Each column is as wide as its widest value and its title (or a sample of what it will
hold, for a list that loads as it scrolls). When the columns are wider than the table,
first the titles wider than their values give way, then the *elastic* columns (names,
notes, descriptions), down to a few characters. A cell or a title that no longer fits
ends in "…" and its tool tip says it whole. Values in the other columns (amounts,
dates, numbers) are never cut: when they do not fit, the table scrolls sideways. When the columns are narrower than the table, the elastic columns
take the rest.

``fit_columns(view, elastic=(1,))`` once, after the model is set; it follows the
table's size and its rows from then on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolTip
from shiboken6 import isValid

CELL_PADDING = 8  # a cell's text margins and the grid line (as sizeHintForColumn adds)
# Room over a value's measured width. Qt rounds a text's width to whole pixels for its
# size hint but elides by its exact width: with fractional glyph advances (Windows,
# a scaled screen) a 13-digit barcode sized by its hint came out "690123456789…".
# Where the table has no room for it, it goes before the table scrolls sideways.
CELL_SLACK = 2
ELASTIC_FLOOR = 80  # an elastic column keeps this much (a few characters) before others shrink
TITLE_FLOOR = 80  # a title wider than its values keeps this much (four characters or so)
LEAST = 40  # no column narrower than this (its title elides; the tool tip says it)


def _text_width(view: QAbstractItemView, text: str) -> int:
    metrics = QFontMetricsF(view.font())
    return max((math.ceil(metrics.horizontalAdvance(line)) for line in text.split("\n")),
               default=0)


def cell_tip(view: QAbstractItemView, index: QModelIndex) -> str | None:
    """The whole text of a cell shown cut short ("…"), else None (it fits, or the
    cell has a tool tip of its own)."""
    if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
        return None
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None:
        return None
    text = str(text)
    width = view.visualRect(index).width()
    return text if _text_width(view, text) + CELL_PADDING > width else None


def title_tip(header: QHeaderView, column: int) -> str | None:
    """A column title shown cut short, whole; else None."""
    model = header.model()
    if model is None or column < 0:
        return None
    title = model.headerData(column, header.orientation(), Qt.ItemDataRole.DisplayRole)
    if title is None:
        return None
    return str(title) if header.sectionSize(column) < header.sectionSizeHint(column) else None


def share(natural: Sequence[int], elastic: Sequence[int], avail: int,
          floors: Sequence[int], values: Sequence[int] | None = None,
          title_floor: int = TITLE_FLOOR, spare: Sequence[int] | None = None) -> list[int]:
    """Widths for columns of ``natural`` widths (their values' or their titles',
    whichever is wider) in ``avail`` pixels. When they do not fit, first the titles
    wider than their ``values`` give way (down to the values, keeping ``title_floor``),
    then the elastic columns (down to their floors), then any column still above its
    floor, each step in proportion to the room each has. Spare room goes to the
    elastic columns, or to the ``spare`` ones when given (else to the last column)."""
    widths = list(natural)
    total = sum(widths)
    if total <= avail:
        takers = list(elastic if spare is None else spare) or [len(widths) - 1]
        extra = avail - total
        for i, col in enumerate(takers):
            widths[col] += extra // len(takers) + (1 if i < extra % len(takers) else 0)
        return widths
    shown = list(values) if values is not None else list(natural)
    titles = [min(n, max(v, f, title_floor)) for n, v, f in zip(natural, shown, floors,
                                                                strict=True)]
    names = [floors[c] if c in elastic else titles[c] for c in range(len(widths))]
    for bounds in (titles, names, floors):
        _give_way(widths, bounds, sum(widths) - avail)
    return widths


def _give_way(widths: list[int], bounds: Sequence[int], over: int) -> None:
    """Take ``over`` pixels off the columns above their bounds, in proportion."""
    room = {c: widths[c] - bounds[c] for c in range(len(widths)) if widths[c] > bounds[c]}
    if over <= 0 or not room:
        return
    give = min(over, sum(room.values()))
    cuts = {c: give * r // sum(room.values()) for c, r in room.items()}
    left = give - sum(cuts.values())
    for c in sorted(room, key=lambda c: room[c] - cuts[c], reverse=True):
        if left <= 0:
            break
        if room[c] > cuts[c]:
            cuts[c] += 1
            left -= 1
    for c, cut in cuts.items():
        widths[c] -= cut


class ColumnFit(QObject):
    def __init__(self, view: QTableView, elastic: Sequence[int],
                 samples: Mapping[int, str] | None = None, least: int = LEAST,
                 elastic_floor: int = ELASTIC_FLOOR, title_floor: int = TITLE_FLOOR,
                 spare: Sequence[int] | None = None) -> None:
        super().__init__(view)
        self.spare = None if spare is None else tuple(spare)
        self.view = view
        self.elastic = tuple(elastic)
        self.samples = dict(samples or {})
        self.least = least
        self.elastic_floor = elastic_floor
        self.title_floor = title_floor
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumSectionSize(least)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.refit)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged, model.layoutChanged, model.headerDataChanged,
                       model.columnsInserted):
            signal.connect(self.schedule)
        view.viewport().installEventFilter(self)
        header.viewport().installEventFilter(self)
        self.refit()

    def schedule(self, *_changed: object) -> None:
        """Fit again once the events at hand are done (many rows may come at once)."""
        self.timer.start()

    def content(self, column: int) -> int:
        """The width of the column's widest value (or its sample)."""
        view = self.view
        width = view.sizeHintForColumn(column)
        sample = self.samples.get(column)
        if sample:
            width = max(width, _text_width(view, sample) + CELL_PADDING)
        return width + CELL_SLACK if width > 0 else width

    def refit(self) -> None:
        if not isValid(self.view):
            return
        view, header = self.view, self.view.horizontalHeader()
        columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not columns:
            return
        content = [self.content(c) for c in columns]
        natural = [max(header.sectionSizeHint(c), w) for c, w in zip(columns, content,
                                                                     strict=True)]
        elastic = [i for i, c in enumerate(columns) if c in self.elastic]
        # the slack is the last thing a value gives way, before the table scrolls
        floors = [min(n, max(self.least, self.elastic_floor if i in elastic
                             else w - CELL_SLACK if w > 0 else w))
                  for i, (n, w) in enumerate(zip(natural, content, strict=True))]
        spare = None if self.spare is None else [i for i, c in enumerate(columns)
                                                 if c in self.spare]
        widths = share(natural, elastic, view.viewport().width(), floors, content,
                       self.title_floor, spare)
        for column, width in zip(columns, widths, strict=True):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Resize, QEvent.Type.ToolTip) or not isValid(self.view):
            return False  # (the view's other events, and those while it is destroyed)
        view, header = self.view, self.view.horizontalHeader()
        if kind == QEvent.Type.Resize:
            if watched is view.viewport():
                self.schedule()
            return False
        if not isinstance(event, QHelpEvent):
            return False
        if watched is view.viewport():
            index = view.indexAt(event.pos())
            tip = cell_tip(view, index)
            if tip is not None:
                QToolTip.showText(event.globalPos(), tip, view.viewport(), view.visualRect(index))
                return True
        elif watched is header.viewport():
            tip = title_tip(header, header.logicalIndexAt(event.pos()))
            if tip is not None:
                QToolTip.showText(event.globalPos(), tip, header.viewport())
                return True
        return False


def fit_columns(view: QTableView, elastic: Sequence[int] = (),
                samples: Mapping[int, str] | None = None, least: int = LEAST,
                elastic_floor: int = ELASTIC_FLOOR, title_floor: int = TITLE_FLOOR,
                spare: Sequence[int] | None = None) -> ColumnFit:
    """The view's columns share its width from now on (see the module's words);
    ``spare``: the columns that take the room left over (default: the elastic ones)."""
    fit = ColumnFit(view, elastic, samples, least, elastic_floor, title_floor, spare)
    view.setProperty("columnFit", True)
    return fit
