"""Type-ahead: the keys typed before the counter can take them wait for it (issue 11).

The cashier opens a shift (F5, the float, Enter) and types the next customer's phone at
once. The shift is opened on the worker while the dialog stays up, busy, with its
float field focused; then the dialog goes away, and on a shop PC without a window
manager the keyboard belongs to nobody until the counter is active again. A new
owner's first digits went into the float field of the closing dialog, or nowhere:
"13800001111" was looked up as "3800001111".

:class:`TypeAhead` is an application-wide event filter, installed only while keys are
held. It holds the keys a person types (printable text, Backspace, Enter) that arrive
anywhere but where they are going, and delivers them there in the order typed once it
can, each once:

* :meth:`TypeAhead.hand_over` (the shift dialog, on Enter): every key goes to the
  counter's lookup field, none to the dialog's cash fields; delivered once the counter
  is the active window with no dialog over it (the lookup gets the focus, its old text
  selected so the phone replaces it, as F2 does), or into the lookup at once when
  another dialog comes up first (F5 pressed again: what it gets is typed after it). :meth:`TypeAhead.drop` when the
  shift did not open: the dialog stays with its error, the keys are thrown away.
* :meth:`TypeAhead.bridge` (any dialog over the counter closed): keys that reach the
  window gone are held until a visible, active window has a focus widget (the
  counter's field the controller chose, or a dialog that opened next), for at most
  :data:`BRIDGE_MS`; keys reaching a window on screen pass as usual.

A keyboard-wedge card reader's burst keeps its timing: each key is replayed with the
time it was typed, as the field's :class:`~memberdesk.ui.counter.wedge.WedgeDetector`
measures it, so a card stays a card and a person's typing stays typing.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from memberdesk.ui.counter.wedge import WedgeDetector, monotonic_ms

log = logging.getLogger(__name__)

BRIDGE_MS = 1_500  # after a dialog closed: the longest the keys wait for a window
HAND_OVER_MS = 30_000  # the shift being opened: the longest the keys wait for the counter
CHECK_MS = 20  # while keys wait: how often to look whether they can go
EDIT_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter)
CHORDS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
          | Qt.KeyboardModifier.MetaModifier)


@dataclass(frozen=True)
class HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float  # the time it was typed, on the wedge detectors' clock


def typed(event: QKeyEvent) -> bool:
    """A key of typing (not a shortcut): text, Backspace or Enter, without Ctrl/Alt."""
    if event.modifiers() & CHORDS:
        return False
    text = event.text()
    return event.key() in EDIT_KEYS or (len(text) == 1 and text.isprintable())


class TypeAhead(QObject):
    def __init__(self, window: QWidget, field: QLineEdit) -> None:
        super().__init__(window)
        self.window = window
        self.field = field  # where handed-over keys go: the member lookup
        self.clock: Callable[[], float] = monotonic_ms  # the wedge detectors' (tests step it)
        self.held: list[HeldKey] = []
        self.target: QWidget | None = None  # hand_over: the field; bridge: None
        self.source: QWidget | None = None  # hand_over: the dialog handing the keys over
        self.holding = False
        self._released_keys: list[int] = []  # presses held whose release is still to come
        self._replaying = False
        self._limit_ms = 0
        self._age = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self._try_release)

    # -- holding -------------------------------------------------------------------------
    def hand_over(self, source: QWidget) -> None:
        """From now on the keys typed go to the lookup field: ``source``, the dialog
        over the counter (the shift's), is about to close."""
        self.source = source
        self._start(self.field, HAND_OVER_MS)

    def bridge(self) -> None:
        """A dialog over the window closed: keys wait until a window takes them."""
        if self.holding and self.target is not None:
            return  # handed over already: they go to the lookup
        self._start(None, BRIDGE_MS)

    def drop(self) -> None:
        """Stop holding; the keys held are thrown away (the dialog keeps the keys)."""
        if self.held:
            log.info("type-ahead: %d key(s) typed after a failed step dropped", len(self.held))
        self.held.clear()
        self._stop()

    def _start(self, target: QWidget | None, limit_ms: int) -> None:
        self.target = target
        self._limit_ms = limit_ms
        self._age.start()
        if not self.holding:
            self.holding = True
            self._released_keys.clear()
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._timer.start()

    def _stop(self) -> None:
        if self.holding:
            self.holding = False
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._timer.stop()
        self.target = self.source = None

    # -- where the keys go ------------------------------------------------------------------
    def _destination(self) -> QWidget | None:
        """The widget that takes the held keys now, or None (not yet)."""
        if self.target is not None:
            modal = QApplication.activeModalWidget()
            if modal is not None and modal is not self.source and modal.isVisible():
                return self.target  # another dialog came up (F5 again): typed before it
            if (modal is not None or not self.window.isVisible()
                    or QApplication.activeWindow() is not self.window):
                return None
            if QApplication.focusWidget() is not self.target:
                self.target.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(self.target, QLineEdit):
                    self.target.selectAll()  # the phone typed replaces what was there
            return self.target if QApplication.focusWidget() is self.target else None
        focus = QApplication.focusWidget()
        if focus is not None and focus.isVisible() and focus.window().isActiveWindow():
            return focus
        return None

    def _try_release(self) -> bool:
        """Deliver the held keys if they can go now; True if they went (or were
        dropped after waiting too long) and holding stopped."""
        if not self.holding:
            return True
        destination = self._destination()
        if destination is None:
            if self._age.elapsed() < self._limit_ms:
                return False
            if self.held:
                log.warning("type-ahead: no window took %d key(s) in %d ms; dropped",
                            len(self.held), self._limit_ms)
            self.held.clear()
            self._stop()
            return True
        held, self.held = self.held, []
        self._stop()
        self._replay(destination, held)
        return True

    def _replay(self, destination: QWidget, held: list[HeldKey]) -> None:
        detectors = [d for d in destination.findChildren(WedgeDetector) if d.field is destination]
        self._replaying = True
        try:
            for key in held:
                clocks = [(d, d.clock) for d in detectors]
                for detector in detectors:
                    detector.clock = functools.partial(float, key.at)  # when it was typed
                try:
                    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                        QApplication.sendEvent(
                            destination, QKeyEvent(kind, key.key, key.modifiers, key.text))
                finally:
                    for detector, clock in clocks:
                        detector.clock = clock
        finally:
            self._replaying = False

    def _holds(self, receiver: QObject) -> bool:
        """Whether a key on its way to ``receiver`` waits (keys already waiting: all do,
        to keep the order). Handed over: those reaching the dialog handing over, or the
        counter anywhere but its field once it has the keys. Always: those reaching a
        window already gone (read after it closed, they would be lost)."""
        assert isinstance(receiver, QWidget)
        window = receiver.window()
        if self.target is not None and window is self.window:
            return receiver is not self._destination()
        return window is self.source or not window.isVisible()

    # -- the filter --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._replaying or not watched.isWidgetType():
            return False
        if kind in (QEvent.Type.FocusIn, QEvent.Type.WindowActivate):
            QTimer.singleShot(0, self._try_release)  # the keys go as soon as they can
            return False
        if kind == QEvent.Type.KeyRelease:
            assert isinstance(event, QKeyEvent)
            if event.key() in self._released_keys and not event.isAutoRepeat():
                self._released_keys.remove(event.key())
                return True  # its press is held
            return False
        if kind != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if not typed(event):
            return False
        if not self._holds(watched):
            self._try_release()  # the keys typed before this one first
            return False
        self.held.append(HeldKey(event.key(), event.modifiers(), event.text(), self.clock()))
        if not event.isAutoRepeat():
            self._released_keys.append(event.key())
        self._try_release()
        return True
