"""ui.common.column_fit: columns share a table's width; the elastic ones give way first;
a cell or title cut short has its whole text as its tool tip."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from memberdesk.ui.common.column_fit import cell_tip, fit_columns, share, title_tip


def test_spare_room_goes_to_the_elastic_columns() -> None:
    assert share([50, 100, 60], [1], 300, [40, 80, 40]) == [50, 190, 60]
    assert share([50, 100, 60], [], 300, [40, 40, 40]) == [50, 100, 150]  # else the last


def test_the_elastic_columns_give_way_first_then_all_in_proportion() -> None:
    assert share([50, 200, 60], [1], 250, [40, 80, 40]) == [50, 140, 60]
    widths = share([100, 200, 100], [1], 250, [40, 80, 40])
    assert widths[1] == 80 and sum(widths) == 250 and widths[0] == widths[2] == 85
    assert share([100, 100], [0], 50, [40, 40]) == [40, 40]  # the least: it scrolls


def test_titles_wider_than_their_values_give_way_before_the_names() -> None:
    # a name (elastic) and an "On hand" title over values of 30 px: the title goes first
    assert share([150, 100], [0], 200, [80, 40], values=[150, 30]) == [120, 80]
    assert share([150, 100], [0], 170, [80, 40], values=[150, 30]) == [90, 80]


def test_a_narrow_table_elides_and_the_tool_tip_says_it_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = QTableWidget(1, 3)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Code", "A rather long product name", "On hand"])
    name = "可口可乐 330ml 听装 二十四罐一箱 整箱出售"
    for col, text in enumerate(("1001", name, "12")):
        table.setItem(0, col, QTableWidgetItem(text))
    fit_columns(table, elastic=(1,))
    table.resize(260, 200)
    table.show()
    qtbot.waitExposed(table)
    # the refit, then the scroll area's own (posted) geometry update
    qtbot.waitUntil(lambda: cell_tip(table, table.model().index(0, 1)) == name
                    and not table.horizontalScrollBar().isVisible(), timeout=3000)
    assert cell_tip(table, table.model().index(0, 0)) is None  # the code is whole
    assert title_tip(table.horizontalHeader(), 1) == "A rather long product name"
    table.resize(1200, 200)
    qtbot.waitUntil(lambda: cell_tip(table, table.model().index(0, 1)) is None)
    assert title_tip(table.horizontalHeader(), 1) is None
