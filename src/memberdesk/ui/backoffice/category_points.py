"""Points per category, on the 规则 page's points tab: every category with its own
points rate (or the shop's), and an editor: pick the category (Alt+C), type the
points per yuan (empty: the shop's rate), Enter saves
(``services.stored_value.offers_admin.set_category_points``, owner only, audited). The rule
itself is ``domain.points.earn_rate``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memberdesk.domain.points import MAX_EARN_PER_YUAN
from memberdesk.ui.common.widgets import PickerBox

from ..dialogs.base import push_button

Rate = tuple[str, str, int | None]  # (code, name, points per yuan or None)


class CategoryPoints(QWidget):
    def __init__(self, save: Callable[[str, int | None], None],
                 problem: Callable[[], None], parent: QWidget | None = None,
                 *, reveal: Callable[[QWidget], None] | None = None) -> None:
        super().__init__(parent)
        self._reveal = reveal  # scrolls a field into view when it gets the focus
        self.setObjectName("categoryPoints")
        self._save, self._problem = save, problem
        self.rates: tuple[Rate, ...] = ()
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("categoryRates")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(150)
        self.table.setMaximumHeight(220)
        self.table.itemSelectionChanged.connect(self._row_picked)
        self.category_label, self.rate_label = QLabel(), QLabel()
        self.category = PickerBox()
        self.category.setObjectName("rateCategory")
        self.category.setMinimumWidth(140)
        self.rate = QLineEdit()
        self.rate.setObjectName("categoryRate")
        self.rate.setMaxLength(3)
        self.rate.setMaximumWidth(120)
        self.category_label.setBuddy(self.category)
        self.rate_label.setBuddy(self.rate)
        self.save_button = push_button(self.save)
        for field in (self.category, self.rate, self.table):
            field.installEventFilter(self)
        row = QHBoxLayout()
        for w in (self.category_label, self.category, self.rate_label, self.rate,
                  self.save_button):
            row.addWidget(w)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addLayout(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and self._reveal is not None:
            self._reveal(cast(QWidget, watched))
        return False

    def show_rates(self, rates: tuple[Rate, ...], shop_rate: Any) -> None:
        keep = self.category.currentData()
        self.rates, self.shop_rate = rates, shop_rate
        self.table.setRowCount(len(rates))
        self.category.clear()
        for i, (code, name, rate) in enumerate(rates):
            self.table.setItem(i, 0, QTableWidgetItem(f"{name} ({code})"))
            self.table.setItem(i, 1, QTableWidgetItem(self._rate_text(rate)))
            self.category.addItem(name, code)
        self.category.setCurrentIndex(max(0, self.category.findData(keep)))

    def _rate_text(self, rate: int | None) -> str:
        if rate is None:
            return self.tr("shop's rate ({rate})").format(rate=self.shop_rate)
        return self.tr("{rate} per yuan").format(rate=rate)

    def _row_picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            code, _name, rate = self.rates[rows[0].row()]
            self.category.setCurrentIndex(self.category.findData(code))
            self.rate.setText("" if rate is None else str(rate))

    def enter_pressed(self, focus: QWidget | None) -> bool:
        """Enter in the editor: from the category to the rate, in the rate saves."""
        if focus is self.category:
            self.rate.setFocus()
            self.rate.selectAll()
            return True
        if focus is self.rate:
            self.save()
            return True
        return False

    def save(self) -> None:
        code = self.category.currentData()
        text = self.rate.text().strip()
        if code is None:
            return
        if text and (not text.isdigit() or int(text) > MAX_EARN_PER_YUAN):
            self._problem()
            self.rate.selectAll()
            return
        self._save(str(code), int(text) if text else None)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Points per category"))
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Points earned")])
        self.category_label.setText(self.tr("&Category"))
        self.rate_label.setText(self.tr("Points per &yuan"))
        self.rate.setPlaceholderText(self.tr("empty: shop's"))
        self.save_button.setText(self.tr("Save rate"))
        if self.rates:
            self.show_rates(self.rates, self.shop_rate)
