"""The main counter in a shop with products, members and open shifts
(tests/checkout_support/kit.py), driven by keys the way a cashier drives it.

Keyboard-wedge timing without sleeping: each lookup/product field's
:class:`~memberdesk.ui.counter.wedge.WedgeDetector` gets a clock that advances a fixed
step per key, so :meth:`Till.type` is a person (150 ms a key) and
:meth:`Till.burst` a reader or scanner (5 ms a key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from memberdesk.models import Sale, Tender
from memberdesk.ui.counter.wedge import WedgeDetector
from memberdesk.ui.shell.session import AppController
from tests.checkout_support.kit import World, build_world

from .helpers import log_in

PERSON_MS = 150
DEVICE_MS = 5


class StepClock:
    """A clock that moves ``step`` ms every time it is read."""

    def __init__(self, step: float = PERSON_MS) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class KeyCounter(QObject):
    """Counts the keys the application receives: every key (a shortcut too) ends
    with exactly one spontaneous KeyRelease at the widget it was sent to."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyRelease and event.spontaneous():
            self.keys.append(Qt.Key(event.key()).name)  # type: ignore[attr-defined]
        return False


@dataclass
class Till:
    qtbot: Any
    ui: AppController
    world: World
    clock: StepClock = field(default_factory=StepClock)

    @property
    def db(self) -> Any:
        return self.world.db

    @property
    def main(self) -> Any:
        return self.ui.main

    @property
    def counter(self) -> Any:
        return self.ui.counter

    @property
    def lookup(self) -> Any:
        return self.ui.main.lookup

    @property
    def product(self) -> Any:
        return self.ui.main.cart_panel.product_field

    @property
    def amount(self) -> Any:
        return self.ui.main.cart_panel.amount_field

    @property
    def payment(self) -> Any:
        return self.ui.counter.payment.dialog

    @property
    def receipt(self) -> Any:
        return self.ui.counter.payment.receipt

    def settle(self) -> None:
        """Until every service call submitted so far has come back."""
        self.qtbot.waitUntil(lambda: not self.ui.runner.busy, timeout=10_000)

    def press(self, key: Qt.Key, widget: QWidget | None = None,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = widget or QApplication.focusWidget() or self.main
        self.qtbot.keyClick(target, key, modifier)
        self.settle()

    def type(self, widget: QWidget, text: str, *, enter: bool = True) -> None:
        """A person typing (slower than the wedge threshold), then Enter."""
        self._keys(widget, text, PERSON_MS, enter)

    def burst(self, widget: QWidget, text: str) -> None:
        """A keyboard-wedge card reader or barcode scanner: fast keys, then Enter."""
        self._keys(widget, text, DEVICE_MS, True)

    def _keys(self, widget: QWidget, text: str, step: float, enter: bool) -> None:
        """Keys into ``widget``, which gets the focus first (a click on a field;
        in a dialog the field is usually focused already)."""
        self.clock.step = step
        if widget.window() is self.main:
            self.main.focus_field(widget)
        if text.isascii():
            self.qtbot.keyClicks(widget, text)
        else:  # Chinese comes from the input method, committed as a whole
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(widget, event)
        if enter:
            self.qtbot.keyClick(widget, Qt.Key.Key_Return)
        self.settle()

    def find(self, text: str) -> None:
        self.type(self.lookup, text)

    def ring_up(self, *codes: str) -> None:
        for code in codes:
            self.type(self.product, code)

    def pay_key(self) -> Any:
        """F12: the payment dialog, loaded."""
        self.press(Qt.Key.Key_F12)
        dialog = self.payment
        assert dialog is not None and dialog.isVisible()
        return dialog

    def sales(self) -> list[Sale]:
        with self.db.reader() as uow:
            rows = list(uow.session.scalars(select(Sale).order_by(Sale.id)))
            for row in rows:
                uow.session.expunge(row)
            return rows

    def tenders(self, sale_id: int) -> dict[str, tuple[int, int | None]]:
        with self.db.reader() as uow:
            return {
                str(t.kind): (t.amount.fen, t.received.fen if t.received else None)
                for t in uow.session.scalars(select(Tender).where(Tender.sale_id == sale_id))
            }

    def sale_count(self) -> int:
        with self.db.reader() as uow:
            return int(uow.session.scalar(select(func.count()).select_from(Sale)) or 0)


def make_till(qtbot: Any, ui: AppController, db: Any, staff: dict[str, Any]) -> Till:
    world = build_world(db, staff)
    log_in(qtbot, ui, "cashier", "cashier-pass")
    till = Till(qtbot, ui, world)
    for detector in ui.counter.wedges:
        assert isinstance(detector, WedgeDetector)
        detector.clock = till.clock
    till.settle()
    return till

