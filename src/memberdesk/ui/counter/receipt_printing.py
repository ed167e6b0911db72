"""Printing a receipt or slip (sale, recharge, refund) on a runner of its own, so a
slow printer never holds the counter; the dialog showing it hears how it went.

One :class:`ReceiptPrinter` per owner (the payment flow, the counter tasks): it
prints the text the :class:`~.receipt_dialog.ReceiptDialog` renders (in the screen's
language), tells the dialog ("printing", "printed", "failed", "none") while it is
still open, else puts a failure on the window's banner, and reports the printer's
state for the status bar (``state_changed``: "none" | "ready" | "error").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.counter.work_names import job
from memberdesk.ui.shell.printer_setup import configured_printer
from memberdesk.ui.shell.tasks import TaskRunner

if TYPE_CHECKING:
    from memberdesk.ui.counter.receipt_dialog import ReceiptDialog


class ReceiptPrinter(QObject):
    state_changed = Signal(str)  # "none" | "ready" | "error"

    def __init__(self, show_error: Callable[[UserError], None], parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(parent=self)
        self._show_error = show_error

    @staticmethod
    def configured() -> bool:
        return configured_printer() is not None

    def print_text(self, text: str, dialog: ReceiptDialog | None,
                   still_open: Callable[[], bool] = lambda: True) -> None:
        """Print ``text``; ``dialog`` (if any, while ``still_open()``) shows the state."""
        spec = configured_printer()
        if spec is None:
            if dialog is not None:
                dialog.set_print_state("none")
            self.state_changed.emit("none")
            return
        if dialog is not None:
            dialog.set_print_state("printing")

        def done(_result: object) -> None:
            self.state_changed.emit("ready")
            if dialog is not None and still_open():
                dialog.set_print_state("printed")

        def failed(error: UserError) -> None:
            self.state_changed.emit("error")
            if dialog is not None and still_open():
                dialog.set_print_state("failed", str(error.params.get("detail", "")))
            else:
                self._show_error(error)

        self.runner.run(job("print_receipt"), text, spec, on_done=done, on_user_error=failed)
