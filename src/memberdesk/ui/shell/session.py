"""The session flow: open the shop database, log in, the counter, lock, log out.

Everything that reads or writes the database is a call on the task runner;
the callbacks below run on the GUI thread with the results.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from memberdesk.paths import DataPaths
from memberdesk.services.shared.errors import UserError
from memberdesk.ui.common import fmt
from memberdesk.ui.counter.controller import CounterController
from memberdesk.ui.counter.main_window import MainWindow
from memberdesk.ui.counter.reader_bridge import ReaderBridge
from memberdesk.ui.counter.state import CounterState
from memberdesk.ui.shell.backup_scheduler import BackupScheduler
from memberdesk.ui.shell.daily_jobs import DailyJobsScheduler
from memberdesk.ui.shell.follow import follow_language_problem, follow_shop_name, follow_time_zone
from memberdesk.ui.shell.i18n import Translations
from memberdesk.ui.shell.login import LoginScreen
from memberdesk.ui.shell.quit_guard import ShiftsLeftOpen, confirm_logout, confirm_quit
from memberdesk.ui.shell.screens import fill_screen, switch_screen
from memberdesk.ui.shell.shop_setup import ShopSetupScreen
from memberdesk.ui.shell.startup_messages import database_error_text, startup_title
from memberdesk.ui.shell.tasks import TaskRunner

if TYPE_CHECKING:
    from memberdesk.db.peek import LoginInfo
    from memberdesk.services.offline.login import TillLogin
    from memberdesk.services.shared.context import Actor
    from memberdesk.ui.counter.offline_controller import OfflineController

log = logging.getLogger(__name__)

EXIT_DATABASE_ERROR = 2


# The jobs import .shop_access (and with it the whole database stack) on the
# worker thread, so the first window shows without waiting for those imports.
# Before them, the login screen is filled in from a plain sqlite3 read of an
# up-to-date shop file (memberdesk.db.peek): ready without SQLAlchemy at all.
def _peek_login(paths: DataPaths) -> LoginInfo | None:
    from memberdesk.db.peek import peek_login
    from memberdesk.paths import resolve_db_url

    if resolve_db_url(paths):  # a shop on a server: the full path
        return None
    return peek_login(paths.database)


def _open_database(paths: DataPaths) -> Any:
    from memberdesk.ui.shell.shop_access import open_database

    return open_database(paths)


def _load_login_info(db: Any) -> LoginInfo:
    from memberdesk.ui.shell.shop_access import load_login_info

    return load_login_info(db)


def _set_up_shop(db: Any, shop_name: str, owner_name: str, username: str, password: str) -> Actor:
    from memberdesk.services.shop.setup import init_shop

    return init_shop(db, shop_name=shop_name, owner_username=username,
                     owner_display_name=owner_name, owner_password=password)


def _log_in(db: Any, username: str, password: str) -> TillLogin:
    """On the server; a till of a server that is away: against its staff copy."""
    from memberdesk.services.offline.login import log_in_at_till

    return log_in_at_till(db, username, password)


class AppController(QObject):
    """Owns the two windows and moves between them, and the counter behind the
    main window (:class:`memberdesk.ui.counter.controller.CounterController`, the shared
    :class:`memberdesk.ui.counter.state.CounterState`, the card reader bridge)."""

    exit_requested = Signal(int)  # the application should end with this code
    ready = Signal()  # the login screen is usable
    setup_shown = Signal()  # a first run: the shop set-up screen is showing
    logged_in = Signal(object)  # Actor

    def __init__(
        self, i18n: Translations, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.i18n = i18n
        self.runner = runner
        self.login = LoginScreen(i18n)
        self.main = MainWindow(i18n)
        self.setup: ShopSetupScreen | None = None  # made on a first run only
        self._preselect: str | None = None  # the staff member to choose on the login screen
        self._peeked = False  # the login screen was filled in before the database opened
        self._waiting_login: tuple[str, str] | None = None  # asked before it opened
        self.shop_name = ""
        self.data_dir: Path | None = None
        self.state = CounterState(self)
        self.left_open = ShiftsLeftOpen()  # Ctrl+Q on the login screen asks about them
        self.backups: BackupScheduler | None = None
        self.daily_jobs: DailyJobsScheduler | None = None
        self.reader = ReaderBridge(self)
        self.counter = CounterController(self.main, runner, self.state, self.reader, i18n, self)
        self._install_counter_tasks()
        self.offline = self._offline_selling()
        self.offline.session_confirmed.connect(self._start_counter)
        self.offline.session_refused.connect(self._offline_session_refused)
        self.main.add_closing_keys()
        follow_language_problem(i18n, self.main.status)

        self.login.login_requested.connect(self._request_login)
        self.login.language_toggle_requested.connect(i18n.toggle)
        self.login.quit_requested.connect(self.quit)
        self.main.lock_requested.connect(self.lock)
        self.main.logout_requested.connect(self.ask_logout)
        self.main.quit_requested.connect(self.quit)
        self.main.language_toggle_requested.connect(i18n.toggle)
        runner.user_error.connect(self.main.banner.show_user_error)
        runner.server_lost.connect(lambda _error: self._server_lost())
        self.main.server_strip.reconnect_requested.connect(self._reconnect)

    def _install_counter_tasks(self) -> None:
        """The counter tasks (recharge, refund, shifts, registration, cards, back
        office) add their F3–F8 keys to the main window."""
        from memberdesk.ui.counter.actions import counter_tasks_of, install_counter_tasks

        install_counter_tasks(self.main, self.runner, self.state)
        tasks = counter_tasks_of(self.main)
        if tasks is not None:
            tasks.database_restored.connect(self._after_restore)
            tasks.backup_made.connect(lambda _result: self.counter.refresh_backup())
            tasks.settings_changed.connect(lambda _values: self.counter.reload_settings())
            follow_shop_name(self, tasks.settings_changed)
            follow_time_zone(tasks.settings_changed)
            self.backups = BackupScheduler(tasks.long_jobs, self)
            self.backups.backup_made.connect(lambda _result: self.counter.refresh_backup())
            self.backups.show_in(self.main.banner)
            self.daily_jobs = DailyJobsScheduler(tasks.long_jobs, self)
            self.daily_jobs.jobs_failed.connect(self.main.banner.show_user_error)

    def _offline_selling(self) -> OfflineController:
        """Cash sales while the server is gone (网络版): the offline bar's controller."""
        from memberdesk.ui.counter.actions import counter_tasks_of
        from memberdesk.ui.counter.offline_controller import OfflineController

        tasks = counter_tasks_of(self.main)
        return OfflineController(self.main, self.runner,
                                 tasks.long_jobs if tasks is not None else None,
                                 lambda: self.counter.payment.paper_mm, self)

    def _server_lost(self) -> None:
        self.main.server_strip.show_lost()
        self.offline.server_lost()

    def _server_back(self) -> None:
        self.main.server_strip.reconnect_done(True)
        self.offline.server_back()

    def _reconnect(self) -> None:
        """Ask the server whether it is back (the red strip's Reconnect and its timer)."""
        if not self.runner.has_database:
            self.main.server_strip.reconnect_done(False)
            return
        strip = self.main.server_strip
        self.runner.call(_ping, on_done=lambda _r: self._server_back(),
                         on_user_error=lambda _e: strip.reconnect_done(False))

    def _after_restore(self, result: Any) -> None:
        """A backup was restored: the staff and shop may differ, so log out; the login
        screen says which backup is live and where the data before it was saved."""
        self.login.set_restored(result)
        if self.main.isVisible():
            self.logout()
        self._load()

    # -- start-up -------------------------------------------------------------------
    def start(self, paths: DataPaths | None = None, *, maximized: bool = False) -> None:
        """Show the login screen at once (loading), then open the database on the
        worker unless the runner already has one, then fill the screen in."""
        self.login.set_loading()
        if maximized:
            fill_screen(self.login)
        else:
            self.login.show()
        if self.runner.has_database:
            self._load()
        elif paths is None:
            raise ValueError("no database and no data directory to open")
        else:
            self.data_dir = paths.root
            self._peeked = False
            self.runner.run(_peek_login, paths, on_done=lambda info: self._peek_done(info, paths))

    def _peek_done(self, info: LoginInfo | None, paths: DataPaths) -> None:
        """The shop file's login facts, read before the database stack loaded: the
        login screen is usable now; a log-in asked for meanwhile waits for the open.
        The open (and its imports) starts after the screen is filled in, so the
        worker does not hold the interpreter while the GUI thread does that."""
        if info is not None:
            self._peeked = True
            self._fill_login(info)
        self.runner.run(_open_database, paths, on_done=self._opened)

    def _opened(self, result: Any) -> None:
        from memberdesk.db.migrate import DatabaseError  # loaded by the worker by now

        if isinstance(result, DatabaseError):
            self._fatal(database_error_text(result), EXIT_DATABASE_ERROR)
            return
        self.runner.attach(result)
        if not self._peeked:
            self._load()
            return
        self._start_schedulers()
        if self._waiting_login is not None:
            username, password = self._waiting_login
            self._waiting_login = None
            self._request_login(username, password)

    def _load(self) -> None:
        self.runner.call(_load_login_info, on_done=self._show_login)

    def _show_login(self, info: LoginInfo) -> None:
        if info.shop_name is None:
            self._show_setup()
            return
        self._start_schedulers()
        self._fill_login(info)

    def _start_schedulers(self) -> None:
        if self.backups is not None:
            self.backups.start()
        if self.daily_jobs is not None:
            self.daily_jobs.start()

    def _fill_login(self, info: LoginInfo) -> None:
        assert info.shop_name is not None
        self.shop_name = info.shop_name
        fmt.set_shop_offset(info.utc_offset_minutes)  # times as receipts and reports show them
        self.login.set_shop(info.shop_name)
        self.login.set_offline(info.offline)
        # the one who set the shop up; else whoever left a shift open on this till
        self.login.set_staff(info.staff, self._preselect or info.open_shift)
        self.login.reset()
        if self.setup is not None and self.setup.isVisible():
            self._switch(self.login, self.setup)
        self.ready.emit()

    # -- first run ----------------------------------------------------------------------
    def _show_setup(self) -> None:
        """No shop in this data folder yet: the owner sets it up here."""
        if self.setup is None:
            self.setup = ShopSetupScreen(self.i18n)
            self.setup.setup_requested.connect(self._request_setup)
            self.setup.language_toggle_requested.connect(self.i18n.toggle)
            self.setup.quit_requested.connect(self.quit)
        self.setup.set_data_dir(self.data_dir)
        self._switch(self.setup, self.login)
        self.setup.shop_name.setFocus()
        self.setup_shown.emit()

    def _request_setup(self, shop_name: str, owner_name: str, username: str,
                       password: str) -> None:
        setup = self.setup
        assert setup is not None
        self.runner.call(_set_up_shop, shop_name, owner_name, username, password,
                         on_done=self._shop_set_up, on_user_error=setup.show_error,
                         on_finally=lambda: setup.set_busy(False))

    def _shop_set_up(self, owner: Actor) -> None:
        log.info("shop set up; owner %s", owner.username)
        self._preselect = owner.username
        self._load()

    def _refresh_staff(self) -> None:
        """Accounts may have changed while the counter was open: re-read them."""
        self.runner.call(
            _load_login_info, on_done=lambda info: self.login.update_staff(info.staff)
        )

    def _fatal(self, text: str, code: int) -> None:
        self.login.hide()
        box = QMessageBox(QMessageBox.Icon.Critical, startup_title(), text)
        box.setObjectName("startupError")
        box.exec()
        self.exit_requested.emit(code)

    # -- logging in and out -----------------------------------------------------------
    def _request_login(self, username: str, password: str) -> None:
        if not self.runner.has_database:  # typed while the database was still opening
            self._waiting_login = (username, password)
            return
        self.runner.call(
            _log_in,
            username,
            password,
            on_done=self._logged_in,
            on_user_error=self._login_failed,
        )

    def _login_failed(self, error: UserError) -> None:
        self.login.set_busy(False)
        self.login.show_error(error)

    def _logged_in(self, session: TillLogin) -> None:
        actor = session.actor
        self.login.set_restored(None)  # read: the next login screen is a plain one
        self.login.set_left_open(None)
        log.info("%s logged in%s", actor.username, " offline" if session.offline else "")
        self.offline.start_session(actor, session)  # offline: the gate first
        self._start_counter(actor)
        self._switch(self.main, self.login)
        self.login.reset()
        self.logged_in.emit(actor)

    def _start_counter(self, actor: Actor) -> None:
        """The counter for ``actor`` (again when an offline session was confirmed)."""
        self.main.start_session(actor, self.shop_name)
        self.counter.start_session(actor)

    def _offline_session_refused(self, error: UserError) -> None:
        """The server refused the session logged in offline: log out and say why."""
        if self.main.isVisible():
            self.logout()
        self.login.show_error(error)

    def lock(self) -> None:
        """Back to the login screen; the counter keeps its state for whoever
        logs in next (the same staff member is preselected)."""
        actor = self.main.actor
        username = actor.username if actor else None
        log.info("screen locked by %s", username)
        self.login.reset(username)
        self._switch(self.login, self.main)
        self._refresh_staff()

    def ask_logout(self) -> None:
        """Shift+F9: asked first while the cart holds unpaid items, as Ctrl+Q asks
        (Enter stays; ui/shell/quit_guard.py)."""
        if confirm_logout(self.main, self.counter.cart):
            self.logout()

    def logout(self) -> None:
        actor = self.main.actor
        log.info("%s logged out", actor.username if actor else "?")
        self.left_open.logged_out(actor, self.state.shift)
        self.login.set_left_open(self.state.shift)  # the reminder: the shift stays open
        self.counter.end_session()
        self.offline.end_session()
        self.main.end_session()
        self.login.reset(actor.username if actor else None)
        self._switch(self.login, self.main)
        self._refresh_staff()

    def quit(self) -> None:
        """Ctrl+Q, or a window closed from its title bar: asked first while a shift is
        open or the cart holds unpaid items (Enter stays; ui/shell/quit_guard.py); on the
        login screen, the shift a cashier logged out from too."""
        on_counter = self.main.isVisible()
        shift = self.state.shift if on_counter else self.state.shift or self.left_open.last()
        if confirm_quit(self.main if on_counter else self.login, shift, self.counter.cart,
                        at_login=not on_counter):
            self.exit_requested.emit(0)

    def stop_background_work(self, timeout_ms: int = 60_000) -> None:
        """At shutdown, before the database closes: no new scheduled backup, and
        the running export or backup finishes (a cancelled export leaves nothing)."""
        from memberdesk.ui.counter.actions import counter_tasks_of

        if self.backups is not None and isValid(self.backups):
            self.backups.stop()
        if self.daily_jobs is not None and isValid(self.daily_jobs):
            self.daily_jobs.stop()
        self.counter.stop_timers()
        self.offline.timer.stop()
        if not isValid(self.main):  # the window (and its jobs) already gone
            return
        tasks = counter_tasks_of(self.main)
        if tasks is not None and not tasks.long_jobs.wait(timeout_ms):
            log.error("a long job was still running after %d ms at shutdown", timeout_ms)

    _switch = staticmethod(switch_screen)


def _ping(db: Any) -> None:
    db.ping()
