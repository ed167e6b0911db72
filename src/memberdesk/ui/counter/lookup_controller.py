"""Finding the member: the lookup field, card swipes and scans, the pick list.

Text typed into the lookup field and Enter runs the one lookup (card UID in any
form, member number, phone, last 4 digits, name, pinyin initials). A card on the
PC/SC reader, or a fast keyboard-wedge burst, is looked up as a card; a burst that
is no card but a product barcode goes to the cart instead. Several matches open
the pick list; a lost, replaced, void or unknown card is said in the banner.
Every lookup runs on the task runner.

The member at the counter is whoever the last lookup found: a typed lookup or a
wedge burst that finds nobody (no match, a blocked or unknown card, a pick list
closed without a choice, an error) takes the previous member off the counter and
says so in the banner. A card on the PC/SC reader is different: a flapping reader
(pcscd restarting, a card read while it is pulled away, a phone's random UID) must
never drop the member mid-sale, so a reader card that finds nobody, or whose lookup
fails, keeps the member and says so (``keep_member``); Esc or the end of the sale
takes the member off.
The cart stays; with items in it the sale goes on as a walk-in sale, at the
prices the pricing service gives without a member, so it can never be credited
to the wrong person.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from memberdesk.ui.counter.errors import CounterError, DetachedNotice, LookupNotice
from memberdesk.ui.counter.pick_list import MemberPickDialog
from memberdesk.ui.counter.wedge import WedgeDetector
from memberdesk.ui.counter.work_names import job

if TYPE_CHECKING:
    from memberdesk.services.shared.errors import UserError
    from memberdesk.ui.counter.main_window import MainWindow
    from memberdesk.ui.counter.state import CounterState
    from memberdesk.ui.counter.work import Found, MemberView
    from memberdesk.ui.shell.tasks import TaskRunner

log = logging.getLogger(__name__)


class LookupController(QObject):
    member_selected = Signal(object)  # MemberView
    member_cleared = Signal()
    product_scanned = Signal(object)  # services.catalog.ProductInfo
    lookup_failed = Signal()  # nothing selected (not found, blocked card, error)

    def __init__(
        self, window: MainWindow, runner: TaskRunner, state: CounterState, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.runner = runner
        self.state = state
        self.view: MemberView | None = None
        self.pick_dialog: MemberPickDialog | None = None
        self.cart_is_empty: Callable[[], bool] = lambda: True  # the counter sets it
        self.wedge = WedgeDetector(window.lookup)
        self.wedge.scanned.connect(lambda text: self.scan(text, product_first=False))
        window.lookup_submitted.connect(self.find)
        state.member_changed.connect(self._state_member_changed)
        state.member_balances_changed.connect(self._balances_changed)

    # -- starting a lookup -------------------------------------------------------------
    def find(self, text: str) -> None:
        """Typed text + Enter."""
        actor = self.state.actor
        if actor is None or not text.strip():
            return
        self.runner.call(
            job("find_member"), actor, text, on_done=self._found, on_user_error=self._missed
        )

    def scan(self, text: str, *, product_first: bool, keep_member: bool = False) -> None:
        """A card (PC/SC or wedge) or a barcode burst. ``keep_member``: a miss keeps
        the member who is on the sale (the PC/SC reader's cards)."""
        actor = self.state.actor
        if actor is None or not text.strip():
            return
        missed = self.kept_notice if keep_member else self._missed
        self.runner.call(
            job("scan"), actor, text, product_first=product_first,
            on_done=lambda found: self._found(found, missed), on_user_error=missed,
        )

    def load(self, member_no: str) -> None:
        """Show (or refresh) the member with this number."""
        actor = self.state.actor
        if actor is None:
            return
        self.runner.call(
            job("member_view"), actor, member_no, on_done=self.select, on_user_error=self._failed
        )

    # -- results (GUI thread) -----------------------------------------------------------
    def _found(self, found: Found, missed: Callable[[UserError], None] | None = None) -> None:
        if found.product is not None:
            self.product_scanned.emit(found.product)
            return
        if found.view is not None:
            self.select(found.view)
            return
        result = found.result
        if result is not None and str(result.outcome) == "pick" and result.members:
            self._pick(result)
            return
        if result is not None:
            (missed or self._missed)(LookupNotice(result))
            return
        self.window.lookup.selectAll()
        self.lookup_failed.emit()

    def _failed(self, error: UserError) -> None:
        self.window.banner.show_user_error(error)
        self.lookup_failed.emit()

    def _missed(self, error: UserError) -> None:
        """A lookup found nobody: the member who was at the counter goes, said so."""
        view = self.view
        if view is not None or self.state.member is not None:
            name = view.detail.name if view is not None else getattr(self.state.member, "name", "")
            member_no = view.member_no if view is not None else getattr(
                self.state.member, "member_no", "")
            sale = "member_detached" if self.cart_is_empty() else "member_detached_sale"
            self.clear()
            error = DetachedNotice(error, CounterError(sale, name=name, member_no=member_no))
        self.window.lookup.selectAll()
        self._failed(error)

    def kept_notice(self, error: UserError) -> None:
        """A card reader's miss or failure: said, and the member stays on the sale."""
        view, member = self.view, self.state.member
        if view is not None or member is not None:
            name = view.detail.name if view is not None else getattr(member, "name", "")
            member_no = view.member_no if view is not None else getattr(member, "member_no", "")
            error = DetachedNotice(error, CounterError("member_kept", name=name,
                                                       member_no=member_no))
        self.window.banner.show_user_error(error)

    def _pick(self, result: object) -> None:
        dialog = MemberPickDialog(result, self.window)  # type: ignore[arg-type]
        dialog.picked.connect(self.load)
        dialog.finished.connect(lambda _code: self._pick_closed(dialog))
        self.pick_dialog = dialog
        dialog.open()

    def _pick_closed(self, dialog: MemberPickDialog) -> None:
        if self.pick_dialog is dialog:
            self.pick_dialog = None
        dialog.deleteLater()
        if dialog.result() != dialog.DialogCode.Accepted:
            self._missed(CounterError("no_member_picked"))
        if self.view is None:
            self.window.focus_lookup()

    # -- the member at the counter ---------------------------------------------------------
    def select(self, view: MemberView) -> None:
        self.view = view
        self.window.lookup.clear()
        self.window.banner.clear()
        self.window.member_panel.set_view(view)
        self.state.set_member(view.detail)
        self.member_selected.emit(view)

    def clear(self) -> None:
        if self.view is None and self.state.member is None:
            return
        self.view = None
        self.window.member_panel.set_view(None)
        self.state.clear_member()
        self.member_cleared.emit()

    def _state_member_changed(self, member: object) -> None:
        """Someone else (a counter task) changed the member: follow it."""
        if member is None:
            if self.view is not None:
                self.view = None
                self.window.member_panel.set_view(None)
                self.member_cleared.emit()
        elif self.view is None or member is not self.view.detail:
            member_no = getattr(member, "member_no", None)
            if member_no:
                self.load(str(member_no))

    def _balances_changed(self, member: object) -> None:
        member_no = getattr(member, "member_no", None)
        if self.view is not None and member_no == self.view.member_no:
            self.load(self.view.member_no)
