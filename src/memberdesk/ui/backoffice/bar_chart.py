"""A chart drawn with QPainter (the installed PySide6 wheel has no QtCharts): columns,
horizontal bars or a line, the value axis from 0, a legend for several series.
Imported by the 分析 page only when it is first shown."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .analysis_data import ChartData

SERIES = ("#2F5597", "#ED7D31", "#70AD47", "#FFC000", "#5B9BD5", "#A5A5A5", "#9E480E")


def nice_top(value: float) -> float:
    """The axis's top: 1, 2 or 5 times a power of ten, at least ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)  # pragma: no cover


def tick_text(v: float) -> str:
    return f"{v:,.0f}" if v >= 10 or v == int(v) else f"{v:.1f}"


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ChartData | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, data: ChartData | None) -> None:
        self.data = data
        rows = len(data.labels) if data else 0
        tall = data is not None and data.kind.value == "hbar"
        self.setMinimumHeight(max(150, 24 * rows + 40) if tall else 190)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self.minimumHeight())

    def top(self) -> float:
        d = self.data
        return nice_top(max((v for s in d.values for v in s), default=0.0) if d else 0.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        d = self.data
        if d is None or not d.labels:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        legend = 0
        if len(d.series) > 1:
            legend = min(max(fm.horizontalAdvance(s) for s in d.series) + 24, self.width() // 3)
        area = QRectF(self.rect()).adjusted(0, 6, -8 - legend, -4)
        top = self.top()
        if d.kind.value == "hbar":
            self._hbars(p, area, top)
        else:
            self._columns(p, area, top)
        if legend:
            x = self.width() - legend
            for i, name in enumerate(d.series):
                y = 10 + i * (fm.height() + 4)
                p.fillRect(QRectF(x, y + 2, 10, 10), QColor(SERIES[i % len(SERIES)]))
                p.setPen(self.palette().text().color())
                p.drawText(QPointF(x + 14, y + fm.ascent()),
                           fm.elidedText(name, Qt.TextElideMode.ElideRight, legend - 16))
        p.end()

    def _columns(self, p: QPainter, area: QRectF, top: float) -> None:
        d = self.data
        assert d is not None
        fm = self.fontMetrics()
        axis_w = fm.horizontalAdvance(tick_text(top)) + 8
        n = len(d.labels)
        plot = area.adjusted(axis_w, 0, 0, -(fm.height() + 6))
        text = self.palette().text().color()
        grid = QPen(QColor("#D5DCE6"))
        for k in range(5):  # ticks 0, top/4, ... top
            v = top * k / 4
            y = plot.bottom() - plot.height() * k / 4
            p.setPen(grid)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            p.drawText(QRectF(area.left(), y - fm.height() / 2, axis_w - 4, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       tick_text(v))
        slot = plot.width() / n
        step = max(1, math.ceil(max(fm.horizontalAdvance(x) for x in d.labels) / slot - 0.05))
        points: list[list[QPointF]] = [[] for _ in d.values]
        last_right = -math.inf  # where the last label drawn ends
        for i, label in enumerate(d.labels):
            x0 = plot.left() + i * slot
            if d.kind.value == "line":
                for s, series in enumerate(d.values):
                    y = plot.bottom() - plot.height() * series[i] / top
                    points[s].append(QPointF(x0 + slot / 2, y))
            else:
                bar = slot * 0.7 / len(d.values)
                for s, series in enumerate(d.values):
                    h = plot.height() * series[i] / top
                    p.fillRect(QRectF(x0 + slot * 0.15 + s * bar, plot.bottom() - h, bar, h),
                               QColor(SERIES[s % len(SERIES)]))
            if i % step == 0:
                shown = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(slot * step))
                box = label_box(x0 - slot * (step - 1) / 2, slot * step, area,
                                plot.bottom() + 3, fm.height())
                half = fm.horizontalAdvance(shown) / 2
                if box.center().x() - half < last_right + 6:
                    continue  # moved inside, it would run into the label before it
                last_right = box.center().x() + half
                p.setPen(text)
                p.drawText(box, Qt.AlignmentFlag.AlignHCenter, shown)
        for s, pts in enumerate(points):
            p.setPen(QPen(QColor(SERIES[s % len(SERIES)]), 2))
            for a, b in itertools.pairwise(pts):
                p.drawLine(a, b)

    def _hbars(self, p: QPainter, area: QRectF, top: float) -> None:
        d = self.data
        assert d is not None
        fm = self.fontMetrics()
        label_w = min(max(fm.horizontalAdvance(x) for x in d.labels) + 8, area.width() / 3)
        plot = area.adjusted(label_w, 0, -fm.horizontalAdvance(tick_text(top)) / 2,
                             -(fm.height() + 4))
        text = self.palette().text().color()
        grid = QPen(QColor("#D5DCE6"))
        for k in range(5):
            x = plot.left() + plot.width() * k / 4
            p.setPen(grid)
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            p.setPen(text)
            p.drawText(QRectF(x - 40, plot.bottom() + 2, 80, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter, tick_text(top * k / 4))
        slot = plot.height() / len(d.labels)
        for i, label in enumerate(d.labels):
            y0 = plot.top() + i * slot
            p.setPen(text)
            p.drawText(QRectF(area.left(), y0, label_w - 6, slot),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(label, Qt.TextElideMode.ElideRight, int(label_w - 6)))
            bar = slot * 0.7 / len(d.values)
            for s, series in enumerate(d.values):
                w = plot.width() * series[i] / top
                p.fillRect(QRectF(plot.left(), y0 + slot * 0.15 + s * bar, w, bar),
                           QColor(SERIES[s % len(SERIES)]))


def label_box(left: float, width: float, area: QRectF, top: float, height: float) -> QRectF:
    """Where a category's label goes: centred under its bars but kept inside the chart
    (the first and last labels of a wide step were cut at the edges: "portant value")."""
    width = min(width, area.width())
    left = max(area.left(), min(left, area.right() - width))
    return QRectF(left, top, width, height)
