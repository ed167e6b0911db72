"""A table's chart in the workbook: a native Excel chart (openpyxl) over the table's own
cells, to the right of the table, the value axis from 0."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from .document import ChartKind, Table


def add_chart(ws: WriteOnlyWorksheet, table: Table, rows: int) -> None:
    """Chart ``rows`` data rows (below the header row 1) of ``table`` on ``ws``."""
    spec = table.chart
    if spec is None or rows == 0:
        return
    chart: BarChart | LineChart
    if spec.kind is ChartKind.LINE:
        chart = LineChart()
    else:
        chart = BarChart()
        chart.type = "bar" if spec.kind is ChartKind.HBAR else "col"
        if spec.kind is ChartKind.HBAR:
            chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top
    chart.title = table.title
    chart.legend = chart.legend if len(spec.values) > 1 else None
    for col in spec.values:
        chart.add_data(Reference(ws, min_col=col + 1, min_row=1, max_row=rows + 1),
                       titles_from_data=True)
    labels = Reference(ws, min_col=spec.label + 1, min_row=2, max_row=rows + 1)
    for series in chart.series:  # the labels are text: a string reference, not numbers
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))
    chart.y_axis.scaling.min = 0  # value axes start from 0
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width, chart.height = 18, 9
    ws.add_chart(chart, f"{get_column_letter(len(table.columns) + 2)}2")
