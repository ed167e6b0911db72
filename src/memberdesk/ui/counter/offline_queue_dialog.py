"""The till's offline sales for the manager: each sale made while the server was gone,
in order, with its local number, time, cashier and amount, and where it stands: waiting
to be sent, sent (the server's sale number), refused (the server's reason, in the
screen's language) or written off (the manager's reason). Nothing is deleted here: a
refused sale's cash is in the drawer and the manager settles it: puts the product
back on sale and sends it again, or writes it off with a reason typed beside the
button (audited on the server; the cash then shows as over at the shift's close)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memberdesk.money import Money
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import Retranslating, add_language_key, normalise


class OfflineQueueDialog(Retranslating, QDialog):
    retry_requested = Signal(int)  # the seq of a refused sale to send again
    write_off_requested = Signal(int, str)  # the seq of a refused sale, the reason

    def __init__(self, rows: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("offlineQueueDialog")
        self.rows = list(rows)
        self._no_reason = False  # a write-off asked for without a reason
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 6)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.itemSelectionChanged.connect(self._selected)
        self.retry_button = QPushButton()
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self._retry)
        self.reason_field = QLineEdit()
        self.reason_field.setObjectName("writeOffReason")
        self.reason_field.setMaxLength(200)
        self.reason_field.setMinimumWidth(320)
        self.reason_field.setEnabled(False)
        self.reason_field.returnPressed.connect(self._write_off)
        self.write_off_button = QPushButton()
        self.write_off_button.setEnabled(False)
        self.write_off_button.clicked.connect(self._write_off)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.reason_field, 1)
        buttons.addWidget(self.write_off_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.table, 1)
        column.addWidget(self.error)
        column.addLayout(buttons)
        self.resize(1040, 480)
        self.retranslate()

    def _chosen(self) -> Any:
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _selected(self) -> None:
        row = self._chosen()
        refused = row is not None and row.state == "refused"
        for widget in (self.retry_button, self.reason_field, self.write_off_button):
            widget.setEnabled(refused)

    def _retry(self) -> None:
        row = self._chosen()
        if row is not None and row.state == "refused":
            self.retry_requested.emit(row.seq)
            self.accept()

    def _write_off(self) -> None:
        row = self._chosen()
        if row is None or row.state != "refused":
            return
        reason = self.reason_field.text().strip()
        if not reason:
            self._no_reason = True
            self.retranslate()
            self.reason_field.setFocus()
            return
        self.write_off_requested.emit(row.seq, reason)
        self.accept()

    def _state(self, row: Any, lang: str) -> str:
        if row.state == "sent":
            return self.tr("sent: {sale_no}").format(sale_no=row.sale_no)
        if row.state == "refused":
            return self.tr("refused: {reason}").format(reason=row.reason(lang))
        if row.state == "written_off":
            return self.tr("written off by {name}: {reason}").format(
                name=row.written_off_by or "", reason=row.write_off_reason or ""
            )
        return self.tr("waiting")

    def retranslate(self) -> None:
        lang = normalise(QLocale().name())
        self.setWindowTitle(self.tr("Offline sales"))
        waiting = sum(1 for r in self.rows if r.state == "waiting")
        refused = sum(1 for r in self.rows if r.state == "refused")
        self.heading.setText(
            self.tr(
                "Sales made on this till while the server was gone: {waiting} waiting, "
                "{refused} refused by the server."
            ).format(waiting=waiting, refused=refused)
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Local number"),
                self.tr("Time"),
                self.tr("Cashier"),
                self.tr("Amount"),
                self.tr("Cash"),
                self.tr("State"),
            ]
        )
        for i, row in enumerate(self.rows):
            cells = (
                row.local_no,
                fmt.datetime_text(datetime.fromisoformat(row.created_at)),
                row.display_name,
                fmt.money(Money(row.payable)),
                fmt.money(Money(row.received)),
                self._state(row, lang),
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col in (3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.retry_button.setText(self.tr("Send again (manager)"))
        self.reason_field.setPlaceholderText(self.tr("Reason for the write-off"))
        self.write_off_button.setText(self.tr("Write off (manager)"))
        self.error.setText(self.tr("Type why the sale is written off.") if self._no_reason else "")
        self.close_button.setText(self.tr("Close"))
