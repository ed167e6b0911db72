"""What the counter is working on right now, shared by the counter's controllers.

The main counter (lookup, cart, payment) and the counter tasks (recharge, refund,
shifts, registration, cards, back office) read and change the same few things:
who is logged in, which member is at the counter, which shift is open. They hold
one ``CounterState`` and listen to its signals instead of to each other.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class CounterState(QObject):
    actor_changed = Signal(object)  # services.shared.context.Actor | None
    member_changed = Signal(object)  # the selected member's DTO | None
    shift_changed = Signal(object)  # services.shifts.ShiftSummary | None
    member_balances_changed = Signal(object)  # member DTO after a sale/recharge/refund
    sale_completed = Signal(object)  # services.checkout.CheckoutResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actor: Any = None
        self._member: Any = None
        self._shift: Any = None

    @property
    def actor(self) -> Any:
        return self._actor

    @property
    def member(self) -> Any:
        return self._member

    @property
    def shift(self) -> Any:
        return self._shift

    def set_actor(self, actor: Any) -> None:
        self._actor = actor
        self.actor_changed.emit(actor)

    def set_member(self, member: Any) -> None:
        self._member = member
        self.member_changed.emit(member)

    def clear_member(self) -> None:
        self.set_member(None)

    def set_shift(self, shift: Any) -> None:
        self._shift = shift
        self.shift_changed.emit(shift)
