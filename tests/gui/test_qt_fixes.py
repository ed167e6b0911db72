"""Guard for the PySide6 6.12 / Python 3.11 reference leak in ``emit``."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import memberdesk.ui  # noqa: F401  (applies the fix)


class Emitter(QObject):
    plain = Signal()
    value = Signal(object)


def test_emitting_from_python_keeps_true_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter = Emitter()
    got: list[object] = []
    emitter.value.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(2000):
        emitter.plain.emit()
        emitter.value.emit(i)
    # Without the fix this drops by 4000; other code may take a reference or two.
    assert abs(sys.getrefcount(True) - before) < 50
    assert len(got) == 2000
