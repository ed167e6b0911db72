"""The counter with its task keys installed, in a shop with products, members,
open shifts (tests/checkout_support/kit.py), driven by keys like a cashier."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from memberdesk.services.members.lookup import lookup
from memberdesk.ui.counter.actions import CounterTasks, counter_tasks_of, install_counter_tasks
from memberdesk.ui.counter.state import CounterState
from memberdesk.ui.shell.session import AppController
from tests.checkout_support.kit import World, build_world

from .helpers import log_in

PASSWORDS = {"owner": "owner-pass", "manager": "manager-pass", "cashier": "cashier-pass"}


@dataclass
class Counter:
    qtbot: Any
    ui: AppController
    world: World
    state: CounterState
    tasks: CounterTasks

    @property
    def db(self) -> Any:
        return self.world.db

    def select_member(self, key: str) -> Any:
        """The member the cashier found at the counter (what the lookup gives)."""
        member = self.world.member(key)
        hit = lookup(self.db, self.world.owner, member.member_no).member
        assert hit is not None
        self.state.set_member(hit)
        return hit

    def press(self, key: Qt.Key, widget: QWidget | None = None,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget if widget is not None else self.ui.main, key, modifier)

    def open(self, key: Qt.Key,
             modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Any:
        """Press a task key on the counter; the dialog it opened, loaded."""
        before = self.tasks.dialog
        self._counter_active()
        self.press(key, modifier=modifier)
        dialog = self.tasks.dialog
        assert dialog is not None and dialog is not before and dialog.isVisible()
        self.settle()
        return dialog

    def _counter_active(self) -> None:
        """As a cashier would: the next key once the counter has the keys again (a
        dialog just closed gives them back on the next turn of the event loop; the
        window's F-key shortcuts wait for it). Two seconds at most: a test that keeps
        a dialog open over the counter presses at once."""
        if QApplication.activeModalWidget() is not None:
            return
        window = self.ui.main.window()
        for _ in range(200):
            if QApplication.activeWindow() is window:
                return
            self.qtbot.wait(10)

    def settle(self) -> None:
        """Until every service call submitted so far has come back, and what its
        outcome put off to the next turn of the event loop (a zero timer: the shift
        dialog closes so) has run too."""
        runner = self.ui.runner
        while True:
            self.qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
            QApplication.processEvents()
            if not runner.busy:
                return

    def type(self, widget: QWidget, text: str) -> None:
        """Keys for ASCII; Chinese arrives whole, as an input method commits it
        (QTest can only press ASCII keys)."""
        widget.setFocus()  # the cashier is in that field
        if text.isascii():
            self.qtbot.keyClicks(widget, text)
        else:
            widget.insert(text)  # type: ignore[attr-defined]

    def enter(self, widget: QWidget) -> None:
        """Enter in ``widget``, then wait for what it started."""
        widget.setFocus()
        self.qtbot.keyClick(widget, Qt.Key.Key_Return)
        self.settle()


def make_counter(qtbot: Any, ui: AppController, db: Any, staff: dict[str, Any],
                 who: str = "cashier") -> Counter:
    world = build_world(db, staff)
    log_in(qtbot, ui, who, PASSWORDS[who])
    tasks = counter_tasks_of(ui.main)
    if tasks is None:  # a controller that does not install them (yet)
        state = CounterState()
        state.set_actor(ui.main.actor)
        install_counter_tasks(ui.main, ui.runner, state)
        tasks = counter_tasks_of(ui.main)
    assert tasks is not None
    state = tasks.state
    return Counter(qtbot, ui, world, state, tasks)


def counter_for(qtbot: Any, ui: AppController, db: Any, staff: dict[str, Any],
                who: str = "cashier") -> Iterator[Counter]:
    """The body of each test module's ``counter`` fixture."""
    c = make_counter(qtbot, ui, db, staff, who)
    yield c
    c.tasks.long_jobs.wait()
