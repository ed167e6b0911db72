"""商品's layout below the list (for :class:`.products.ProductsPage`): the form, or
an import's progress and refused rows in its place.

The list keeps its rows with the form open (the trial's owner saw one row at
1366x768): the form's fields are a little shorter than a dialog's (``FORM_STYLE``),
the row that adds a category shows only when asked for ("+" beside the category,
Alt+G), and on a wide page (1366 pixels) the form's actions (tier discount, stop
selling, save) join its heading's row, so the fields take three rows under it:
8 rows of the list show at 1366x768, 5 or more at 1024x768."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
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


def build_below(page: Any, buttons: QHBoxLayout) -> QStackedWidget:
    """The form (its heading's row, its fields, the cost warning, its actions' row and
    the category row) and the import's report, one at a time."""
    page.form_fields = QWidget()
    fields_layout = QVBoxLayout(page.form_fields)
    fields_layout.setContentsMargins(0, 0, 0, 0)
    fields_layout.setSpacing(8)
    fields_layout.addLayout(page.grid)
    fields_layout.addWidget(page.cost_warning)
    fields_layout.addLayout(buttons)
    fields_layout.addWidget(page.category_row)
    page.category_row.hide()
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
    """The actions in the heading's row on a wide page, else in their own row."""
    wide = page.width() >= WIDE
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
