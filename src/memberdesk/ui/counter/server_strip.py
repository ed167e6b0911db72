"""The red strip at the top of the counter while the database server cannot be
reached (网络版). It appears the moment any call comes back ``server_lost``, says that
nothing was booked twice and that the sale can be tried again as it is, tries the
server again every few seconds by itself (and at once on Reconnect), and goes away
when the server answers."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from memberdesk.ui.counter import keys
from memberdesk.ui.shell.i18n import Retranslating

RETRY_MS = 5_000
RECONNECT_SHORTCUT = keys.RECONNECT


class ServerStrip(Retranslating, QFrame):
    reconnect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverStrip")
        self._trying = False
        self._failed = 0
        self._at_login = False  # logged in offline: no sale was cut short
        self.label = QLabel()
        self.label.setObjectName("serverStripText")
        self.label.setWordWrap(True)
        self.reconnect_button = QPushButton()
        self.reconnect_button.setObjectName("serverStripButton")
        self.reconnect_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reconnect_button.clicked.connect(self.reconnect_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reconnect_button)
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.reconnect_now)
        self.hide()
        self.retranslate()

    @property
    def lost(self) -> bool:
        return not self.isHidden()

    def show_lost(self, *, at_login: bool = False) -> None:
        """A call found the server gone (``at_login``: the log-in did, and the session
        is offline from its start): show the strip, keep trying."""
        if not self.lost:
            self._failed = 0
            self._at_login = at_login
        self.show()
        self.retranslate()
        if not self._timer.isActive():
            self._timer.start()

    def reconnect_now(self) -> None:
        if self._trying:
            return
        self._trying = True
        self.reconnect_button.setEnabled(False)
        self.retranslate()
        self.reconnect_requested.emit()

    def reconnect_done(self, ok: bool) -> None:
        """The answer to :attr:`reconnect_requested`."""
        self._trying = False
        self.reconnect_button.setEnabled(True)
        if ok:
            self._timer.stop()
            self._at_login = False
            self.hide()
            return
        self._failed += 1
        self.retranslate()

    def retranslate(self) -> None:
        self.reconnect_button.setText(self.tr("Reconnect ({key})").format(key=RECONNECT_SHORTCUT))
        if self._trying:
            state = self.tr("Connecting…")
        elif self._failed:
            state = self.tr("No answer yet (tries: {n}); trying again every {s} s.").format(
                n=self._failed, s=RETRY_MS // 1000)
        else:
            state = self.tr("Trying again every {s} s.").format(s=RETRY_MS // 1000)
        head = self.tr(
            "Logged in offline: the server cannot be reached. Once it answers, the "
            "log-in is checked there.") if self._at_login else self.tr(
            "The connection to the server was lost. Nothing is booked twice: once it is "
            "back, pay the same sale again.")
        self.label.setText(head + ("" if head.endswith("。") else " ") + state)
