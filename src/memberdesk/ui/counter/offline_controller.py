"""Selling while the database server is gone (网络版), at the counter.

* At log-in (and after each reconnect) the till copies the catalogue from the server
  into its local file and reads its queue's counts, on the long-job worker; waiting
  sales left from an earlier run (a till killed while sending) are sent at once.
* When a call finds the server gone (the red strip), the offline bar offers the
  offline cash sale (its button and :data:`~.keys.OFFLINE_SALE`): a dialog of its
  own on its own worker, the receipt in the counter's receipt dialog, printed.
* When the server answers again, the waiting sales are sent in order on the long-job
  worker, the bar saying so and counting what waits and what the server refused.
* A session logged in while the server was away (against the till's staff copy,
  :mod:`memberdesk.services.offline.login`) starts offline: the red strip and the bar
  at once, only the offline sale. When the server answers, the account is re-checked
  there first (``session_confirmed``: a normal session; ``session_refused``: the
  session controller logs out); the waiting sales are sent either way. Until the
  re-check answers the server's work stays refused.
* A manager writes off a refused sale from the list (a reason typed beside the
  button), audited on the server; the bar's count drops.
A shop on its own file never shows any of it (the services do nothing there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from memberdesk.services.shared.errors import (
    Localized,
    StorageError,
    UserError,
    ValidationError,
)
from memberdesk.ui.counter import offline_work
from memberdesk.ui.counter.offline_queue_dialog import OfflineQueueDialog
from memberdesk.ui.counter.offline_sale_dialog import OfflineSaleDialog
from memberdesk.ui.counter.receipt_dialog import ReceiptDialog
from memberdesk.ui.counter.receipt_printing import ReceiptPrinter
from memberdesk.ui.shell.tasks import TaskRunner

if TYPE_CHECKING:
    from memberdesk.ui.backoffice.long_jobs import LongJobs
    from memberdesk.ui.counter.main_window import MainWindow


# The work a till still does while the server is lost: asking whether it is back, and
# the long-job worker's turn (the long job itself then meets the server or not).
PASSES = frozenset({"_ping", "_the_database", "_log_in", "confirm_offline_session"})
RECHECK_MS = 5_000  # an offline session's re-check asked again (the server busy)
REFRESH_MS = 10 * 60_000  # the catalogue copied again (and any waiting sale sent) while online
SERVER_WORK = Localized(
    "会员、储值、积分、优惠券、充值、退款和联网收银",
    "members, stored value, points, coupons, recharges, refunds and the counter's own sales",
)


class OfflineController(QObject):
    session_confirmed = Signal(object)  # Actor: the offline session is a normal one now
    session_refused = Signal(object)  # UserError: the server refused the offline session

    def __init__(
        self,
        main: MainWindow,
        runner: TaskRunner,
        long_jobs: LongJobs | None,
        paper_mm: Callable[[], int],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.main = main
        self.bar = main.offline_bar
        self.runner = runner
        self.long_jobs = long_jobs
        self.paper_mm = paper_mm
        self.local = TaskRunner(parent=self)  # the queue file: never waits for the server
        self.printing = ReceiptPrinter(main.banner.show_user_error, self)
        self.actor: Any = None
        self.session: Any = None  # the TillLogin of the session (offline: not yet checked)
        self.dialog: OfflineSaleDialog | None = None
        self.receipt: ReceiptDialog | None = None
        self.queue_dialog: OfflineQueueDialog | None = None
        self.bar.sell_requested.connect(self.open_sale)
        self.bar.queue_requested.connect(self.open_queue)
        runner.gate = self._gate
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._refresh)

    def _gate(self, name: str) -> UserError | None:
        """While the server is lost, the server's work is refused at once with the
        offline message (not after the connection's time-out)."""
        if (self.bar.offline or self.unconfirmed) and name not in PASSES:
            return ValidationError("offline_refused", what=SERVER_WORK)
        return None

    @property
    def unconfirmed(self) -> bool:
        """The session was logged in offline and the server has not re-checked it."""
        return bool(getattr(self.session, "offline", False))

    # -- the session and the server ---------------------------------------------------
    def start_session(self, actor: Any, session: Any = None) -> None:
        """Copy the catalogue and send what waits (a till stopped while sending); a
        session logged in offline starts with the strip and the bar instead."""
        self.actor = actor
        self.session = session
        self.timer.start()
        if self.unconfirmed:
            self.bar.set_offline(True)
            self.main.server_strip.show_lost(at_login=True)
            self._recount()
            return
        self._refresh()

    def _refresh(self) -> None:
        if self.long_jobs is None or not self.runner.has_database or self.bar.offline:
            return
        self.long_jobs.call(
            offline_work.refresh, on_done=self._refreshed, on_user_error=lambda _e: None
        )

    def end_session(self) -> None:
        self.actor = None
        self.session = None
        self.timer.stop()

    def _refreshed(self, counts: Any) -> None:
        self._show_counts(counts)
        if counts.waiting and not self.bar.offline:
            self.send()

    def server_lost(self) -> None:
        self.bar.set_offline(True)

    def server_back(self) -> None:
        self.bar.set_offline(False)
        self._confirm()
        self.send()

    def _confirm(self) -> None:
        """An offline session re-checked on the server (nothing for a normal one)."""
        if self.unconfirmed and self.runner.has_database:
            self.runner.call(
                offline_work.confirm_offline_session,
                self.session,
                on_done=self._confirmed,
                on_user_error=self._confirm_failed,
            )

    def _confirmed(self, session: Any) -> None:
        self.session, self.actor = session, session.actor
        self.session_confirmed.emit(session.actor)

    def _confirm_failed(self, error: UserError) -> None:
        if error.code == "server_lost":  # gone again before it answered
            self.bar.set_offline(True)
            self.main.server_strip.show_lost()
        elif isinstance(error, StorageError):  # busy: ask again shortly
            QTimer.singleShot(RECHECK_MS, self._confirm)
        else:
            self.session_refused.emit(error)

    def send(self) -> None:
        """Send the waiting sales in order (long-job worker), then refresh the copy."""
        if self.long_jobs is None or self.bar.sending or not self.runner.has_database:
            return
        self.bar.set_sending(True)
        self.long_jobs.call_with_progress(
            offline_work.send_and_refresh,
            on_done=self._sent,
            on_user_error=self._send_failed,
            on_finally=lambda: self.bar.set_sending(False),
        )

    def _sent(self, report: Any) -> None:
        self._show_counts(report.counts)

    def _send_failed(self, error: UserError) -> None:
        if error.code == "server_lost":
            self.bar.set_offline(True)
            self.main.server_strip.show_lost()
        else:
            self.main.banner.show_user_error(error)
        self._recount()

    def _recount(self) -> None:
        db = self.runner.database
        if db is not None:
            self.local.run(
                offline_work.counts, db, on_done=self._show_counts, on_user_error=lambda _e: None
            )

    def _show_counts(self, counts: Any) -> None:
        self.bar.set_counts(counts.waiting, counts.refused)

    # -- the offline sale ---------------------------------------------------------------
    def open_sale(self) -> None:
        db = self.runner.database
        if not self.bar.offline or self.actor is None or db is None or db.paths is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            return
        self.dialog = OfflineSaleDialog(db.paths.root, self.actor, self.main)
        self.dialog.sold.connect(self._sold)
        self.dialog.open()

    def _sold(self, result: Any) -> None:
        self.bar.set_counts(self.bar.waiting + 1, self.bar.refused)
        receipt = ReceiptDialog(result, self.paper_mm(), self.main)
        receipt.print_requested.connect(lambda text: self.printing.print_text(text, receipt))
        self.receipt = receipt
        receipt.open()
        if self.printing.configured():
            self.printing.print_text(receipt.receipt_text(), receipt)
        self._recount()

    def open_queue(self) -> None:
        db = self.runner.database
        if db is None:
            return
        self.local.run(
            offline_work.rows,
            db,
            on_done=self._show_queue,
            on_user_error=self.main.banner.show_user_error,
        )

    def _show_queue(self, rows: Any) -> None:
        self.queue_dialog = OfflineQueueDialog(rows, self.main)
        self.queue_dialog.retry_requested.connect(self.retry)
        self.queue_dialog.write_off_requested.connect(self.write_off)
        self.queue_dialog.open()

    def write_off(self, seq: int, reason: str) -> None:
        """A refused sale written off (a manager; audited on the server)."""
        if self.long_jobs is None or self.actor is None or self.bar.offline or self.unconfirmed:
            return
        self.long_jobs.call(
            offline_work.write_off,
            self.actor,
            seq,
            reason,
            on_done=lambda result: self._show_counts(result.counts),
            on_user_error=self.main.banner.show_user_error,
        )

    def retry(self, seq: int) -> None:
        """A refused sale back in line (a manager; audited), then sent."""
        if self.long_jobs is None or self.actor is None or self.bar.offline or self.unconfirmed:
            return
        self.long_jobs.call(
            offline_work.retry,
            self.actor,
            seq,
            on_done=self._retried,
            on_user_error=self.main.banner.show_user_error,
        )

    def _retried(self, counts: Any) -> None:
        self._show_counts(counts)
        self.send()
