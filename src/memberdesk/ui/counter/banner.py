"""The non-blocking message strip at the bottom of the counter, above the status
bar. User errors from services land here, in the current language; so does good
news (:meth:`MessageBanner.show_notice`: a shift opened), in green. The strip hides
itself after a while, or on a click (:meth:`MessageBanner.dismiss`). A notice shown
with ``stays`` (older backups a scheduled backup removed) stays until it is dismissed
(×, a click on it) or its sender takes it back (:meth:`MessageBanner.clear_notice`):
:meth:`MessageBanner.clear` (Esc, a member chosen, the payment) leaves it, and a
message shown over it hides as usual, then the notice comes back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.shell.i18n import Retranslating, Translations

BANNER_MS = 12_000


class MessageBanner(Retranslating, QFrame):
    def __init__(self, i18n: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._i18n = i18n
        self._error: UserError | None = None
        self._notice: Callable[[], str] | None = None
        self._staying: Callable[[], str] | None = None  # a notice shown with ``stays``
        self.label = QLabel()
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setObjectName("bannerClose")
        self.close_button.setText("×")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.hide()
        self.retranslate()

    def show_user_error(self, error: UserError) -> None:
        """Show a service's user error in the current language, without blocking."""
        self._error, self._notice = error, None
        self._set_tone("")
        self.retranslate()
        self.show()
        self._timer.start(BANNER_MS)

    def show_notice(self, text: Callable[[], str], *, stays: bool = False) -> None:
        """Good news, ``text()`` in the current language (called again on a switch);
        with ``stays`` it does not hide by itself."""
        if stays:
            self._staying = text
        self._error, self._notice = None, text
        self._set_tone("ok")
        self.retranslate()
        self.show()
        if stays:
            self._timer.stop()
        else:
            self._timer.start(BANNER_MS)

    def clear_notice(self, text: Callable[[], str]) -> None:
        """Take the notice ``text`` back, shown or waiting behind another message."""
        if self._staying is text:
            self._staying = None
        if self._notice is text:
            self._hide()

    @property
    def tone(self) -> str:
        return str(self.property("tone") or "")

    def _set_tone(self, tone: str) -> None:
        for widget in (self, self.label):
            widget.setProperty("tone", tone)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def clear(self) -> None:
        """Hide what is shown; a notice that stays stays (or comes back)."""
        if self._staying is None:
            self._hide()
        elif self._notice is not self._staying:
            self.show_notice(self._staying, stays=True)

    def dismiss(self) -> None:
        """The ×, a click on the strip: what is shown goes, a notice that stays too."""
        if self._staying is not None and self._notice is self._staying:
            self._staying = None
        self.clear()

    def _hide(self) -> None:
        self._error, self._notice = None, None
        self._timer.stop()
        self.label.clear()
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))
        if self._error is not None:
            self.label.setText(self._error.message(self._i18n.language))
        elif self._notice is not None:
            self.label.setText(self._notice())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.dismiss()
        super().mousePressEvent(event)
