"""Keyboard-wedge card readers and barcode scanners: a fast burst of keys + Enter.

Such devices type what they read into whatever field has the focus, one key every
few milliseconds, and end with Enter. A person never types that fast for long. A
:class:`WedgeDetector` watches one line edit: when Enter follows a burst of at least
``min_length`` characters (the setting ``reader.wedge_min_length``, 8 by default: a
card UID is 8 hex or 10 decimal digits, a barcode 8 or 13) with no gap above
``max_interval_ms`` (the setting ``reader.wedge_max_interval_ms``, 30 ms by
default), it takes the burst out of the
field (leaving whatever the person had typed before it; a field's validator may
have refused part of it), swallows the Enter and
emits :attr:`WedgeDetector.scanned` with the burst. Anything slower is left alone:
Enter then works as usual (``returnPressed``). So four digits typed quickly by a
person (the last 4 digits of a phone, a product code) are never taken for a card.

The clock is an attribute so tests can type "slowly" or "fast" without sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

DEFAULT_MAX_INTERVAL_MS = 30
DEFAULT_MIN_LENGTH = 8
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def monotonic_ms() -> float:
    return time.monotonic() * 1000


class WedgeDetector(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        field: QLineEdit,
        *,
        max_interval_ms: int = DEFAULT_MAX_INTERVAL_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(field)
        self.field = field
        self.max_interval_ms = max_interval_ms
        self.min_length = min_length
        self.clock = clock
        self._burst = ""
        self._before = ""  # the field's text when the burst began
        self._last: float | None = None
        field.installEventFilter(self)

    def reset(self) -> None:
        self._burst, self._before, self._last = "", "", None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.field or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        now = self.clock()
        quick = self._last is not None and now - self._last <= self.max_interval_ms
        if event.key() in ENTER_KEYS:
            burst = self._burst
            before = self._before
            self.reset()
            if quick and len(burst) >= self.min_length:
                # What the device typed leaves the field (a validator may have
                # refused some of it); what the person typed before it stays.
                self.field.setText(before)
                self.scanned.emit(burst)
                return True
            return False
        text = event.text()
        if len(text) == 1 and text.isprintable() and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            if not quick:
                self._burst, self._before = "", self._text_kept()
            self._burst += text
            self._last = now
        else:
            self.reset()
        return False

    def _text_kept(self) -> str:
        """The field's text once the key about to arrive replaces any selection."""
        text = self.field.text()
        if self.field.hasSelectedText():
            start = self.field.selectionStart()
            text = text[:start] + text[start + len(self.field.selectedText()) :]
        return text
