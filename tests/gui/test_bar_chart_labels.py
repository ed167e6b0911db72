"""A bar chart's category labels stay inside the chart: at 1024 in English the RFM
chart's first and last labels (shown every third bar) were cut at its edges."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from memberdesk.ui.backoffice.bar_chart import label_box


def test_a_label_is_moved_inside_the_chart_not_cut() -> None:
    area = QRectF(10, 0, 300, 200)
    first = label_box(10 - 40, 120, area, 180, 16)  # centred under the first bar: sticks out
    assert first.left() == area.left() and first.width() == 120
    last = label_box(250, 120, area, 180, 16)
    assert last.right() == area.right() and last.width() == 120
    middle = label_box(100, 120, area, 180, 16)
    assert (middle.left(), middle.width()) == (100, 120)  # inside already: untouched
    wide = label_box(-50, 500, area, 180, 16)
    assert (wide.left(), wide.width()) == (area.left(), area.width())
