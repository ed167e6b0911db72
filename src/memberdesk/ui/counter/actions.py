"""The counter tasks of issue 5 and the back office, on F3–F8.

:func:`install_counter_tasks` is the one entry point: the controller calls it
once with the counter window, the task runner and the shared
:class:`~memberdesk.ui.counter.state.CounterState`. It adds these keys to the key bar::

    F3 充值 recharge        F4 退款 refund          F5 交班 shift
    F6 登记会员 register     F7 挂失/补卡 cards       F8 后台 back office
    F10 会员资料 details     F1 签到 sign-in          Shift+F1 发券 give a coupon
    Shift+F2 积分兑换 points mall                  Shift+F3 计次卡 count cards

Each key opens a dialog (``ui/dialogs``, the back office in ``ui/backoffice``),
imported on first use so start-up never loads the database stack for them.

Hooks for the controller (see :class:`CounterTasks`, found with
:func:`counter_tasks_of`):

* ``database_restored(RestoreResult)``: the back office restored a backup. The
  task runner already works on the restored database when this is emitted; the
  controller should log out (the staff may differ in the restored file) and
  reload the login screen's shop and staff.
* ``backup_made(BackupResult)``: a backup was written (the status bar's "last
  backup" field is updated here already).

Cards on the reader: while the registration or card dialog is open, the
window's ``card_presented(uid)`` signal fills in its card field.

What the tasks read from and write to :class:`CounterState`: the actor (or the
window's), the selected member (anything with a ``member_no``); after a recharge
or refund they emit ``member_balances_changed`` with a fresh lookup hit
(``services.members.lookup.MemberHit``); a registration selects the new member
(``set_member``); opening or closing a shift calls ``set_shift``; completed sales
(``sale_completed``) are remembered for the refund dialog's list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.backoffice.long_jobs import LongJobs
from memberdesk.ui.counter.keys import TASKS
from memberdesk.ui.counter.main_window import MainWindow
from memberdesk.ui.counter.receipt_printing import ReceiptPrinter
from memberdesk.ui.counter.state import CounterState
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

KEYS = TASKS  # the key map: :mod:`memberdesk.ui.counter.keys`
FIND_MEMBER_FIRST = QT_TRANSLATE_NOOP(
    "CounterTasks", "Find the member first: swipe the card or search above, then press {key}.")


class CounterNotice(UserError):
    """A message of the counter tasks themselves, shown on the window's banner
    like a service's user error (``text`` is called in the current language)."""

    def __init__(self, text: Callable[[], str]) -> None:
        Exception.__init__(self, "counter notice")
        self.code = "counter_notice"
        self.params = {}
        self._text = text

    def message(self, lang: str = "zh_CN") -> str:
        del lang  # the translators already speak the current language
        return self._text()


def _paper_mm(db: Any) -> int:
    from memberdesk.services.shared.settings import read_settings

    return int(read_settings(db)["receipt.paper_mm"])


def _fresh_hit(db: Any, actor: Any, member_no: str) -> Any:
    from memberdesk.services.members.lookup import lookup

    return lookup(db, actor, member_no).member


class CounterTasks(QObject):
    """Owns the task keys and the dialog on screen; see the module docstring."""

    database_restored = Signal(object)  # services.backup.restore.RestoreResult
    backup_made = Signal(object)  # services.backup.BackupResult
    settings_changed = Signal(object)  # dict: the settings after the back office changed them

    def __init__(self, window: MainWindow, runner: TaskRunner, state: CounterState) -> None:
        super().__init__(window)
        self.setObjectName("counterTasks")
        self.window = window
        self.runner = runner
        self.state = state
        self.long_jobs = LongJobs(runner, self)
        self.dialog: QDialog | None = None
        self.last_shift_no: str | None = None
        self.actions: dict[str, QAction] = {}
        self.slip: QDialog | None = None  # the slip of a recharge or refund, on screen
        self.printing = ReceiptPrinter(window.banner.show_user_error, self)
        self.printing.state_changed.connect(window.status.set_printer_state)
        openers: dict[str, Callable[[], None]] = {
            "recharge": self.open_recharge,
            "refund": self.open_refund,
            "shift": self.open_shift,
            "register": self.open_register,
            "cards": self.open_cards,
            "backoffice": self.open_back_office,
            "edit": self.open_member_details,
            "mall": self.open_mall,
            "signin": self.open_sign_in,
            "coupon": self.open_issue_coupon,
            "count_card": self.open_count_card,
        }
        for name, key, _text in KEYS:
            action = QAction(window)
            action.setObjectName(f"{name}Action")
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(openers[name])
            window.addAction(action)
            window.key_bar.add_action(action)
            self.actions[name] = action
        state.shift_changed.connect(self._remember_shift)
        window.installEventFilter(self)
        self.retranslate()

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        for name, _key, text in KEYS:
            self.actions[name].setText(QCoreApplication.translate("CounterTasks", text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def tr_notice(self, text: str) -> CounterNotice:
        return CounterNotice(lambda: QCoreApplication.translate("CounterTasks", text))

    # -- who and what ------------------------------------------------------------------------
    @property
    def actor(self) -> Any:
        return self.state.actor or self.window.actor

    @property
    def member_no(self) -> str | None:
        member = self.state.member
        return getattr(member, "member_no", None) if member is not None else None

    def _show(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def _card_reader_to(self, dialog: Any) -> None:
        """Cards on the PC/SC reader go to ``dialog`` while it is open (the window
        announces every card; the counter ignores cards while a dialog is open)."""
        signal = getattr(self.window, "card_presented", None)
        if signal is not None:
            signal.connect(dialog.card_presented)

    def refresh_member(self, member_no: str) -> None:
        """After a recharge or refund: the counter's member with fresh balances."""
        def fresh(hit: Any) -> None:
            if hit is not None:
                self.state.member_balances_changed.emit(hit)

        if member_no and member_no == self.member_no:
            self.runner.call(_fresh_hit, self.actor, member_no, on_done=fresh)

    # -- slips ---------------------------------------------------------------------------------
    def show_slip(self, result: Any, over: QDialog, *, close_over: bool = True) -> None:
        """After a recharge or refund: its slip on screen in front of ``over`` (the
        task's dialog), printed at once when a printer is set up, again with P; Enter
        closes the slip and the task's dialog, like the receipt after a sale
        (``close_over=False``: the slip only, as after a count-card use, so the next
        use or its undo follows in the same dialog)."""
        self.runner.call(_paper_mm, on_done=lambda mm: self._open_slip(
            result, over, mm, close_over))

    def _open_slip(self, result: Any, over: QDialog, paper_mm: int,
                   close_over: bool = True) -> None:
        from memberdesk.ui.counter.receipt_dialog import ReceiptDialog

        if not over.isVisible():
            return  # the task's dialog was closed meanwhile: nothing to show the slip over
        slip = ReceiptDialog(result, paper_mm, self.window)  # like the sale's receipt
        slip.setObjectName("slipDialog")
        self.slip = slip
        slip.print_requested.connect(lambda text: self.printing.print_text(
            text, slip, lambda: self.slip is slip))
        slip.finished.connect(lambda _code: self._slip_closed(slip, over, close_over))
        if close_over:  # the slip takes the dialog's place: one page, one Done button
            room = QRect(0, 0, max(slip.minimumWidth(), over.width()),
                         max(slip.minimumHeight(), over.height()))
            room.moveCenter(over.geometry().center())
            slip.setGeometry(room)
        slip.open()
        slip.activateWindow()  # the keys (Enter, P) go to the slip, not the dialog under it
        if self.printing.configured():
            self.printing.print_text(slip.receipt_text(), slip, lambda: self.slip is slip)

    def _slip_closed(self, slip: QDialog, over: QDialog, close_over: bool = True) -> None:
        if self.slip is slip:
            self.slip = None
        slip.deleteLater()
        if over.isVisible():
            if close_over:
                over.accept()
            else:
                over.activateWindow()  # the keys go back to the task's dialog

    def _find_member_first(self, task: str) -> None:
        """The banner's word when a member's key is pressed with no member on screen
        (nothing when nobody is logged in): find them, then press the same key."""
        if self.actor is None:
            return
        key = next(k for name, k, _t in KEYS if name == task)
        self.window.banner.show_user_error(CounterNotice(lambda: QCoreApplication.translate(
            "CounterTasks", FIND_MEMBER_FIRST).format(key=key)))

    # -- the keys --------------------------------------------------------------------------------
    def open_recharge(self) -> None:
        member_no = self.member_no
        if self.actor is None or member_no is None:
            self._find_member_first("recharge")
            return
        from memberdesk.ui.dialogs.recharge import RechargeDialog

        dialog = RechargeDialog(self.runner, self.actor, member_no, self.window)
        dialog.recharged.connect(lambda _r: self.refresh_member(member_no))
        dialog.recharged.connect(lambda r: self.show_slip(r, dialog))
        self._show(dialog)

    def open_refund(self) -> None:
        if self.actor is None:
            return
        from memberdesk.ui.dialogs.refund import RefundDialog

        member = self.state.member
        dialog = RefundDialog(
            self.runner, self.actor, member, self.window
        )
        dialog.refunded.connect(lambda r: self.refresh_member(r.receipt.member_no))
        dialog.refunded.connect(lambda r: self.show_slip(r, dialog))
        self._show(dialog)

    def open_shift(self) -> None:
        if self.actor is None:
            return
        from memberdesk.ui.dialogs.shift import ShiftDialog, opened_text

        dialog = ShiftDialog(self.runner, self.actor, self.window)
        dialog.shift_changed.connect(self.state.set_shift)
        dialog.opened.connect(lambda s: self.window.banner.show_notice(lambda: opened_text(s)))
        self._show(dialog)

    def open_register(self) -> None:
        if self.actor is None:
            return
        from memberdesk.ui.dialogs.register import RegisterDialog

        dialog = RegisterDialog(self.runner, self.actor, self.window)
        dialog.registered.connect(self.state.set_member)
        self._card_reader_to(dialog)
        self._show(dialog)

    def open_cards(self) -> None:
        if self.actor is None:
            return
        from memberdesk.ui.dialogs.cards import CardsDialog

        dialog = CardsDialog(self.runner, self.actor, self.member_no, self.window)
        self._card_reader_to(dialog)
        self._show(dialog)

    def open_member_details(self) -> None:
        member_no = self.member_no
        if self.actor is None or member_no is None:
            self._find_member_first("edit")
            return
        from memberdesk.ui.dialogs.member_edit import MemberEditDialog

        dialog = MemberEditDialog(self.runner, self.actor, member_no, self.window)
        dialog.saved.connect(self.state.set_member)
        self._show(dialog)

    def open_mall(self) -> None:
        member_no = self.member_no
        if self.actor is None or member_no is None:
            self._find_member_first("mall")
            return
        from memberdesk.ui.dialogs.redeem import RedeemDialog

        dialog = RedeemDialog(self.runner, self.actor, member_no, self.window)
        dialog.redeemed.connect(lambda _r: self.refresh_member(member_no))
        dialog.redeemed.connect(lambda r: self.show_slip(r, dialog))
        self._show(dialog)

    def open_issue_coupon(self) -> None:
        member_no = self.member_no
        if self.actor is None or member_no is None:
            self._find_member_first("coupon")
            return
        from memberdesk.ui.dialogs.issue_coupon import IssueCouponDialog

        name = str(getattr(self.state.member, "name", ""))
        dialog = IssueCouponDialog(self.runner, self.actor, member_no, name, self.window)
        dialog.issued.connect(lambda _r: self.refresh_member(member_no))
        self._show(dialog)

    def open_sign_in(self) -> None:
        member = self.state.member
        if self.actor is None or member is None:
            self._find_member_first("signin")
            return
        from memberdesk.ui.dialogs.signin import SignInDialog

        dialog = SignInDialog(self.runner, self.actor, member, self.window)
        dialog.signed_in.connect(lambda r: self.refresh_member(r.member_no))
        self._show(dialog)

    def open_count_card(self) -> None:
        member = self.state.member
        if self.actor is None or member is None:
            self._find_member_first("count_card")
            return
        from memberdesk.ui.dialogs.count_card import CountCardDialog

        dialog = CountCardDialog(self.runner, self.actor, member.member_no,
                                 getattr(member, "name", ""), self.window)
        dialog.refunded.connect(lambda r: self.refresh_member(member.member_no))
        dialog.refunded.connect(lambda r: self.show_slip(r, dialog))
        dialog.used.connect(lambda r: self.show_slip(r, dialog, close_over=False))
        dialog.use_undone.connect(lambda r: self.show_slip(r, dialog, close_over=False))
        self._show(dialog)

    def open_back_office(self) -> None:
        if self.actor is None:
            return
        from memberdesk.ui.backoffice.window import BackOffice

        dialog = BackOffice(self.runner, self.long_jobs, self.actor, self.window,
                            shift_no=self.last_shift_no)
        dialog.restored.connect(self._restored)
        dialog.backed_up.connect(self._backed_up)
        dialog.settings_changed.connect(self.settings_changed)
        dialog.backup_status.connect(
            lambda status: self.window.status.set_last_backup(status.last_good_at))
        self._show(dialog)

    def _remember_shift(self, summary: Any) -> None:
        if summary is not None:
            self.last_shift_no = summary.shift_no

    # -- after the back office ------------------------------------------------------------------
    def _backed_up(self, result: Any) -> None:
        self.window.status.set_last_backup(result.created_at)
        self.backup_made.emit(result)

    def _restored(self, result: Any) -> None:
        """The live file was replaced and reopened: every later call uses it."""
        self.runner.attach(result.database)
        self.state.set_shift(None)
        self.state.clear_member()
        self.database_restored.emit(result)


def install_counter_tasks(window: MainWindow, runner: TaskRunner, state: CounterState) -> None:
    """Add F3–F8 and their dialogs to the counter window (once per window)."""
    if counter_tasks_of(window) is not None:
        raise RuntimeError("the counter tasks are already installed in this window")
    CounterTasks(window, runner, state)


def counter_tasks_of(window: MainWindow) -> CounterTasks | None:
    """The installed :class:`CounterTasks` (to connect its signals, and in tests)."""
    return window.findChild(CounterTasks, "counterTasks")
