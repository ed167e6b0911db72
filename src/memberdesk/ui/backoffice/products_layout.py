"""商品's layout below the list (for :class:`.products.ProductsPage`): the form, or
an import's progress and refused rows in its place.

The list keeps its rows with the form open (the trial's owner saw one row at
1366x768): the form's fields are a little shorter than a dialog's (``FORM_STYLE``),
the row that adds a category shows only when asked for ("+" beside the category,
Alt+G), and on a wide page (1366 pixels) the form's actions (tier discount, stop
selling, save) join its heading's row, so the fields take three rows under it:
8 rows of the list show at 1366x768, 5 or more at 1024x768.

The fields are as wide as what they hold, not a quarter of the row each (a 13-digit
barcode showed 6 or 7 digits at 1024x768): a row of code, barcode (13 digits whole)
and name (the rest), a row of unit, price, cost, category (the rest) and points, then
the member prices. On a narrow page (1024) the points move beside the tier discount,
both the product's loyalty, so the name and the category keep their room."""

from __future__ import annotations

import math
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

# The page's width from which the actions join the heading's row (the page is 1118
# pixels wide in a 1366 screen's back office, 760 in a 1024 screen's).
WIDE = 1000

FORM_STYLE = """
QLineEdit, QComboBox { min-height: 26px; padding: 4px 8px; }
QComboBox { padding-right: 4px; }
QComboBox::drop-down { width: 24px; }
QLineEdit[amountField="true"] { font-size: 15pt; min-height: 26px; }
QPushButton { min-height: 26px; padding: 4px 14px; }
QToolButton#newCategoryButton {
    background: #ffffff; border: 1px solid #b8c2cc; border-radius: 6px;
    min-width: 30px; min-height: 30px; font-weight: bold;
}
QToolButton#newCategoryButton:checked { background: #d7ece9; }
"""


# What each field shows whole (its minimum width follows the font): the rest of a
# row goes to the name and the category.
HOLDS = {"code": "W00000", "barcode": "6901939621608", "unit": "件件件",
         "price": "9999.00", "cost": "9999.00"}
PAIR_GAP = 8  # between one field and the next label


def text_room(edit: QLineEdit) -> float:
    """The width a line edit shows its text in: its contents rectangle less the
    style's frame and padding, the text margins and the edit's own 2-pixel margins."""
    edit.ensurePolished()
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return rect.width() - margins.left() - margins.right() - 2 * 2


def fit_fields(page: Any) -> None:
    """Each field as wide as what it holds (``HOLDS``), in its font; the name and
    the category take the rest of their rows."""
    for key, text in HOLDS.items():
        edit: QLineEdit = getattr(page, key)
        frame = edit.width() - text_room(edit)  # the same at any width
        need = QFontMetricsF(edit.font()).horizontalAdvance(text)
        # + 1 pixel a side for the focus border (2 px, not 1: style.qss), + 1 to spare:
        # the code, where F2 puts the cursor, cut the last pixel of "W00000" while focused
        edit.setFixedWidth(math.ceil(need + frame) + 3)
    spin = page.points  # its arrows hidden by the style: "10000%" and the padding
    spin.setFixedWidth(math.ceil(QFontMetricsF(spin.font()).horizontalAdvance("10000%")) + 40)


def points_in_second_row(page: Any) -> bool:
    """The points end the second row of fields (a wide page), not the actions' row."""
    return bool(page.second_row.indexOf(page.points_cell) >= 0)


def tab_order(page: Any) -> None:
    """Tab in the order the form shows its fields, left to right, top to bottom, at
    every width: on a wide page the tier discount sits in the heading's row above the
    fields, on a narrow one in the last row, left of the points (the order Enter
    follows too: ``page._fields()``)."""
    fields = page._fields()
    if points_in_second_row(page):
        chain = [page.discountable, *fields]
    else:
        chain = [*fields[:-1], page.discountable, fields[-1]]
    for first, then in pairwise(chain):
        QWidget.setTabOrder(first, then)


def field_rows(page: Any, category_cell: QWidget) -> QVBoxLayout:
    """The fields' two rows (the member prices' grid follows in build_below); the
    points with their label in ``page.points_cell`` (moved by :func:`arrange`)."""
    labels = dict(zip(("code", "barcode", "name", "unit", "price", "cost", "category",
                       "points"), page.labels, strict=True))
    page.points_cell = QWidget()
    points = QHBoxLayout(page.points_cell)
    points.setContentsMargins(0, 0, 0, 0)
    points.setSpacing(8)
    points.addWidget(labels["points"])
    points.addWidget(page.points)
    labels["points"].setBuddy(page.points)
    rows = QVBoxLayout()
    rows.setSpacing(6)
    for keys in (("code", "barcode", "name"), ("unit", "price", "cost", "category")):
        row = QHBoxLayout()
        row.setSpacing(8)
        for i, key in enumerate(keys):
            field = getattr(page, key)
            labels[key].setBuddy(field)
            if i:
                row.addSpacing(PAIR_GAP)
            row.addWidget(labels[key])
            stretch = 1 if key in ("name", "category") else 0
            row.addWidget(category_cell if key == "category" else field, stretch)
        rows.addLayout(row)
    page.second_row = row
    row.addSpacing(PAIR_GAP)  # the points come here on a wide page (arrange)
    fit_fields(page)
    return rows


def build_below(page: Any, buttons: QHBoxLayout) -> QStackedWidget:
    """The form (its heading's row, its fields, the cost warning, its actions' row and
    the category row) and the import's report, one at a time."""
    page.form_fields = QWidget()
    fields_layout = QVBoxLayout(page.form_fields)
    fields_layout.setContentsMargins(0, 0, 0, 0)
    fields_layout.setSpacing(8)
    fields_layout.addLayout(page.field_rows)
    fields_layout.addLayout(page.grid)
    for column in (1, 3, 5, 7):  # the member prices share the row
        page.grid.setColumnStretch(column, 1)
    fields_layout.addWidget(page.cost_warning)
    fields_layout.addLayout(buttons)
    fields_layout.addWidget(page.category_row)
    page.category_row.hide()
    # the points start beside the tier discount: the narrow page's place, so the
    # page's least width never widens the window before arrange sees its width
    page.form_actions.layout().insertWidget(1, page.points_cell)
    page.points_cell.layout().setContentsMargins(2 * PAIR_GAP, 0, 0, 0)
    tab_order(page)
    page.buttons_row = buttons
    form = QWidget()
    form.setObjectName("productForm")
    form.setStyleSheet(FORM_STYLE)
    form_layout = QVBoxLayout(form)
    form_layout.setContentsMargins(0, 0, 0, 0)
    form_layout.setSpacing(8)
    form_layout.addLayout(page.heading_row)
    form_layout.addWidget(page.form_fields)
    form_layout.addStretch(1)
    page.import_heading = QLabel()
    page.import_heading.setObjectName("sectionHeading")
    running = QHBoxLayout()
    running.addWidget(page.jobs.bar, 1)
    running.addWidget(page.jobs.cancel_button)
    running.addWidget(page.import_button)
    report = QWidget()
    report_layout = QVBoxLayout(report)
    report_layout.setContentsMargins(0, 0, 0, 0)
    heading_row = QHBoxLayout()
    heading_row.addWidget(page.import_heading, 1)
    heading_row.addWidget(page.back_button)
    report_layout.addLayout(heading_row)
    report_layout.addWidget(page.jobs.problems, 1)
    report_layout.addLayout(running)
    # as tall as the form: the list above keeps its room while rows are reported
    report.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
    below = QStackedWidget()
    below.addWidget(form)
    below.addWidget(report)
    return below


def arrange(page: Any) -> None:
    """The actions in the heading's row on a wide page, else in their own row (the
    points with them); the fields as wide as what they hold."""
    fit_fields(page)
    wide = page.width() >= WIDE
    _place_points(page, wide)
    heading: QBoxLayout = page.heading_row
    there = heading if wide else page.buttons_row
    if there.indexOf(page.form_actions) >= 0:
        return
    (page.buttons_row if wide else heading).removeWidget(page.form_actions)
    if wide:
        heading.insertWidget(heading.indexOf(page.new_button), page.form_actions)
    else:
        page.buttons_row.addWidget(page.form_actions)
    page.form_actions.setVisible(page.form_open)


def _place_points(page: Any, wide: bool) -> None:
    """The points at the end of the second row (wide), or beside the tier discount."""
    row: QBoxLayout = page.second_row
    actions = page.form_actions.layout()
    if (row if wide else actions).indexOf(page.points_cell) >= 0:
        return
    if wide:
        actions.removeWidget(page.points_cell)
        row.addWidget(page.points_cell)
    else:
        row.removeWidget(page.points_cell)
        actions.insertWidget(1, page.points_cell)
    page.points_cell.layout().setContentsMargins(0 if wide else 2 * PAIR_GAP, 0, 0, 0)
    page.points_cell.show()
    tab_order(page)  # the points moved: Tab and Enter follow them


class CurrentInView(QObject):
    """The list's current row in view: :meth:`show` when the form shows a product
    (picked with the keys, found by a search, saved), and whenever the list gets
    shorter (the form opened by F2, Enter or a double click: the row was below the
    fold). After a resize it scrolls on the next turn of the event loop, once the
    view has set its scroll bar's range for the new height."""

    def __init__(self, table: QAbstractItemView) -> None:
        super().__init__(table)
        self.table = table
        self._pending = False
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent)
                and event.size().height() < event.oldSize().height() and not self._pending):
            self._pending = True
            QTimer.singleShot(0, self, self._show_later)
        return False

    def _show_later(self) -> None:
        self._pending = False
        self.show()

    def show(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
