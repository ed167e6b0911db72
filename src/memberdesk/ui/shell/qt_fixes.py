"""Work-arounds for bugs in the Qt bindings we ship. Applied once, when the
``memberdesk.ui`` package is imported, so every user of the UI gets them.

PySide6 6.12.0 on Python < 3.12: ``SignalInstance.emit()`` returns ``True``
without taking a reference to it, so every emit from Python code drops one
reference to ``True``. After a few hundred emits the interpreter aborts with
"Fatal Python error: bool_dealloc: deallocating True or False". (From Python
3.12 ``True`` is immortal and nothing happens.) We detect the fault with a probe
and, only if present, wrap ``emit`` to give back the missing reference.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_applied = False


class _Probe(QObject):
    fired = Signal()


def emit_drops_a_reference() -> bool:
    """True when ``SignalInstance.emit`` leaks a reference to its result."""
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    rounds = 16
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.fired.emit()
    dropped = before - sys.getrefcount(True)
    if dropped > 0:
        for _ in range(dropped):  # give back what the probe itself took
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return dropped >= rounds // 2


def apply() -> None:
    global _applied
    if _applied:
        return
    _applied = True
    if not emit_drops_a_reference():
        return
    original: Callable[..., Any] = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
