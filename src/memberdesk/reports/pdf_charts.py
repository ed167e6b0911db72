"""A table's chart in the PDF (reportlab graphics): columns, horizontal bars or a line,
the value axis from 0, labels in the embedded CJK font, a legend for several series."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from .document import ChartKind, Table, chart_number, format_cell

SERIES = ("#2F5597", "#ED7D31", "#70AD47", "#FFC000", "#5B9BD5", "#A5A5A5", "#9E480E")
HEIGHT = 150.0


def chart_drawing(table: Table, font: str, width: float) -> Drawing | None:
    """The table's chart, ``width`` points wide (None: no chart or no rows)."""
    spec = table.chart
    if spec is None:
        return None
    rows = list(table.rows())
    if not rows:
        return None
    labels = [format_cell(r[spec.label]) for r in rows]
    data = [tuple(chart_number(r[i]) for r in rows) for i in spec.values]
    legend = len(spec.values) > 1
    longest = max(stringWidth(x, font, 7) for x in labels)
    tilted = spec.kind is not ChartKind.HBAR and len(rows) > 6
    bottom = 30.0 + (longest * 0.5 if tilted else 0.0)  # room for labels at 30 degrees
    height = HEIGHT + bottom - 30 + (14 * len(rows) if spec.kind is ChartKind.HBAR else 0)
    d = Drawing(width, height)
    left = min(longest + 12, width / 3) if spec.kind is ChartKind.HBAR else 50.0
    right = 110.0 if legend else 10.0
    chart: HorizontalBarChart | VerticalBarChart | HorizontalLineChart
    if spec.kind is ChartKind.HBAR:
        chart = HorizontalBarChart()
    elif spec.kind is ChartKind.LINE:
        chart = HorizontalLineChart()
    else:
        chart = VerticalBarChart()
    chart.x, chart.y = left, bottom
    chart.width, chart.height = width - left - right, height - bottom - 15
    chart.data = data
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0  # value axes start from 0
    top = max((v for series in data for v in series), default=0.0)
    if top <= 0:
        chart.valueAxis.valueMax = 1
    if spec.kind is ChartKind.HBAR:
        chart.categoryAxis.reverseDirection = 1  # the first row at the top
        chart.categoryAxis.labels.boxAnchor = "e"
    elif tilted:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    for i in range(len(data)):
        colour = colors.HexColor(SERIES[i % len(SERIES)])
        if isinstance(chart, HorizontalLineChart):
            chart.lines[i].strokeColor = colour
            chart.lines[i].strokeWidth = 1.5
        else:
            chart.bars[i].fillColor = colour
            chart.bars[i].strokeColor = None
    d.add(chart)
    if legend:
        key = Legend()
        key.x, key.y = width - right + 10, height - 10
        key.fontName, key.fontSize = font, 7
        key.alignment = "right"
        key.colorNamePairs = [(colors.HexColor(SERIES[n % len(SERIES)]),
                               table.columns[i].title) for n, i in enumerate(spec.values)]
        d.add(key)
    return d
