"""The bar under the red strip for the sales made while the server was gone (网络版).

While the server is lost it says what the till can still do (walk-in cash sales, from
its copy of the catalogue) and what it cannot (members, stored value, points, coupons,
recharges, refunds), with the offline sale's button and key. Whenever the till has
sales made offline that the server has not taken yet, it shows how many wait and how
many the server refused, and while they are being sent, says so. Hidden otherwise: a
shop on its own file never sees it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from memberdesk.ui.counter import keys
from memberdesk.ui.shell.i18n import Retranslating


class OfflineBar(Retranslating, QFrame):
    sell_requested = Signal()
    queue_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBar")
        self.offline = False
        self.sending = False
        self.waiting = 0
        self.refused = 0
        self.label = QLabel()
        self.label.setObjectName("offlineBarText")
        self.label.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("offlineQueueCount")
        self.sell_button = QPushButton()
        self.sell_button.setObjectName("offlineSaleButton")
        self.sell_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sell_button.clicked.connect(self.sell_requested)
        self.queue_button = QPushButton()
        self.queue_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.queue_button.clicked.connect(self.queue_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 4, 12, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.queue_button)
        layout.addWidget(self.sell_button)
        self._update()

    def set_offline(self, offline: bool) -> None:
        self.offline = offline
        self._update()

    def set_counts(self, waiting: int, refused: int) -> None:
        self.waiting, self.refused = waiting, refused
        self._update()

    def set_sending(self, sending: bool) -> None:
        self.sending = sending
        self._update()

    def _update(self) -> None:
        self.setVisible(self.offline or self.sending or bool(self.waiting or self.refused))
        self.sell_button.setVisible(self.offline)
        self.queue_button.setVisible(bool(self.waiting or self.refused))
        if self.property("refused") != bool(self.refused):
            self.setProperty("refused", bool(self.refused))
            self.style().unpolish(self)
            self.style().polish(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.sell_button.setText(self.tr("Offline cash sale ({key})").format(key=keys.OFFLINE_SALE))
        self.queue_button.setText(self.tr("Offline sales…"))
        if self.offline:
            text = self.tr(
                "Offline: cash from walk-in customers only. Members, stored value, points, "
                "coupons, recharges and refunds wait until the server is back."
            )
        elif self.sending:
            text = self.tr("The server is back: sending the offline sales in order…")
        elif self.refused:
            text = self.tr(
                "The server refused some offline sales: a manager must look at "
                "them (the cash is in the drawer, the sale is not booked)."
            )
        else:
            text = self.tr("Offline sales wait to be sent to the server.")
        self.label.setText(text)
        parts = [self.tr("waiting: {n}").format(n=self.waiting)]
        if self.refused:
            parts.append(self.tr("refused: {n}").format(n=self.refused))
        self.count_label.setText(" · ".join(parts))
