"""F8 后台 — the back office: day close, reports, members, staff, backup and
restore, products, settings and loyalty rules (both read-only for a manager), the
stores (the owner's), the daily jobs, for the owner and managers; a cashier sees only their own shift report.
Pages are picked on the left (Ctrl+1…); Esc closes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from memberdesk.ui.shell.i18n import Retranslating, add_language_key
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import push_button
from .analysis import AnalysisPage
from .audit import AuditPage
from .backup import BackupPage
from .campaigns import CampaignsPage
from .count_cards import CountCardsPage
from .daily_jobs import DailyJobsPage
from .day_close import DayClosePage
from .long_jobs import LongJobs
from .mall import MallPage
from .members import MembersPage
from .messages import MessagesPage
from .page import Page
from .products import ProductsPage
from .reports import ReportsPage
from .rules import RulesPage
from .settings import SettingsPage
from .staff import StaffPage
from .stock import StockPage
from .stores import StoresPage

STAFF_ROLES = ("owner", "manager")
NAV_WIDTH = (140, 260)  # the page list is as wide as its longest name, within these
NAV_ROW = (36, 52)  # a page name's height: every name shown where the window allows


class BackOffice(Retranslating, QDialog):
    restored = Signal(object)  # RestoreResult
    backed_up = Signal(object)  # BackupResult
    backup_status = Signal(object)  # BackupStatus
    settings_changed = Signal(object)  # dict: every setting after a change

    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None, *, shift_no: str | None = None) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("backOffice")
        self.setModal(True)
        self.actor = actor
        role = str(actor.role)
        self.pages: dict[str, Page] = {}
        if role in STAFF_ROLES:
            self.day_close = DayClosePage(runner, long_jobs, actor)
            self.reports = ReportsPage(runner, long_jobs, actor, shift_no=shift_no)
            self.backup = BackupPage(runner, long_jobs, actor, may_restore=role == "owner")
            self.members = MembersPage(runner, long_jobs, actor)
            self.staff = StaffPage(runner, actor)
            self.products = ProductsPage(runner, long_jobs, actor)
            self.settings = SettingsPage(runner, actor)
            self.stock = StockPage(runner, long_jobs, actor)
            self.rules = RulesPage(runner, actor)
            self.audit = AuditPage(runner, long_jobs, actor, owner=role == "owner")
            self.analysis = AnalysisPage(runner, long_jobs, actor)
            self.messages = MessagesPage(runner, long_jobs, actor)
            self.mall = MallPage(runner, long_jobs, actor)
            self.count_cards = CountCardsPage(runner, actor)
            self.campaigns = CampaignsPage(runner, long_jobs, actor)
            self.daily_jobs = DailyJobsPage(runner, long_jobs, actor)
            # Ctrl+1 … Ctrl+9, Ctrl+0 in this order; the daily jobs (they run by
            # themselves) are the last page, reached from the list.
            self.pages = {"day": self.day_close, "reports": self.reports,
                          "members": self.members, "staff": self.staff, "backup": self.backup,
                          "products": self.products, "stock": self.stock,
                          "settings": self.settings, "rules": self.rules,
                          "audit": self.audit, "analysis": self.analysis,
                          "campaigns": self.campaigns, "count_cards": self.count_cards,
                          "mall": self.mall, "messages": self.messages}
            if role == "owner":  # the chain's stores: the owner's alone
                self.pages["stores"] = StoresPage(runner, actor)
            self.pages["jobs"] = self.daily_jobs
            self.rules.tiers_changed.connect(self.products.reload_tiers)
            self.rules.open_settings.connect(lambda: self.show_page("settings"))
            self.settings.saved.connect(self.settings_changed)
            self.backup.backed_up.connect(self.backed_up)
            self.backup.status_changed.connect(self.backup_status)
            self.backup.restored.connect(self._restored)
            self.day_close.closed.connect(lambda _r: self.backup.refresh())
        else:
            self.reports = ReportsPage(runner, long_jobs, actor, only_own_shift=True,
                                       shift_no=shift_no)
            self.pages = {"reports": self.reports}
        self.title = QLabel()
        self.title.setObjectName("dialogHeading")
        self.nav = QListWidget()
        self.nav.setObjectName("backOfficeNav")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        for key, page in self.pages.items():
            self.nav.addItem("")
            self.stack.addWidget(page)
            del key
        self.nav.currentRowChanged.connect(self._go)
        self.close_button = push_button(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        middle = QHBoxLayout()
        middle.setSpacing(18)
        middle.addWidget(self.nav)
        middle.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)  # (1024-wide screens: every px counts)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        for i in range(min(len(self.pages), 10)):  # Ctrl+1 … Ctrl+9, then Ctrl+0
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{(i + 1) % 10}"))
            action.triggered.connect(lambda _c=False, row=i: self.nav.setCurrentRow(row))
            self.addAction(action)
        if parent is not None:
            size = parent.size()
            self.resize(size.width() - 40, size.height() - 50)
        self.retranslate()
        self.nav.setCurrentRow(0)

    def page(self, key: str) -> Page:
        return self.pages[key]

    def show_page(self, key: str) -> Page:
        self.nav.setCurrentRow(list(self.pages).index(key))
        return self.pages[key]

    def _go(self, row: int) -> None:
        if row < 0:
            return
        shown, page = self.stack.currentIndex(), self.stack.currentWidget()
        if row != shown and isinstance(page, Page) and page.unsaved():
            self._nav_to(shown)  # the page asks first (after the click): it stays chosen
            QTimer.singleShot(0, lambda: self._leave(page, shown, row))
            return
        self._show_row(row)

    def _leave(self, page: Page, shown: int, row: int) -> None:
        self._nav_to(shown)  # (the click's own selection undone too)
        page.leave(lambda: self._arrive(row))

    def _arrive(self, row: int) -> None:
        """The page picked, once the question let go: the keys work on at once (the
        focus was on the left page's form, now hidden, and the question had the
        window): the new page keeps a focus it took, else the list has it."""
        self._nav_to(row, show=True)
        self.activateWindow()
        focus, page = self.focusWidget(), self.stack.currentWidget()
        if focus is None or page is None or not focus.isVisible() or not page.isAncestorOf(focus):
            self.nav.setFocus()

    def _nav_to(self, row: int, show: bool = False) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        if show:
            self._show_row(row)

    def reject(self) -> None:
        """Esc, Close, the window's own close: a page with unsaved typing asks first."""
        page = self.stack.currentWidget()
        if isinstance(page, Page) and page.unsaved():
            page.leave(super().reject)
            return
        super().reject()

    def _show_row(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.activated()

    def _restored(self, result: Any) -> None:
        """The app logs out and opens on the restored data: this window (and any
        window it opened) goes, or without a window manager it stays on screen
        behind the login and the next back office. Hidden, not deleted: the counter
        deletes its last dialog when it opens the next one."""
        self.restored.emit(result)
        for window in self.findChildren(QWidget):
            if window.isWindow() and window.isVisible():
                window.close()
        super().reject()  # the data is another: nothing to ask

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_nav()

    def _fit_nav(self) -> None:
        """Every page's name in the list without scrolling where the window's height
        allows (at 768 px high, 17 names of 36 px: a trial never found 计次卡, 积分商城,
        消息, 门店 and 每日任务 below 营销), as tall as :data:`NAV_ROW` allows."""
        n = self.nav.count()
        if n == 0:
            return
        self.nav.ensurePolished()
        room = self.nav.height() - 2 * self.nav.frameWidth() - 2
        each = max(NAV_ROW[0], min(NAV_ROW[1], room // n))
        for row in range(n):
            item = self.nav.item(row)
            if item is not None and item.sizeHint().height() != each:
                item.setSizeHint(QSize(max(1, self.nav.viewport().width()), each))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter belongs to the pages, never closes the window
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Back office"))
        self.title.setText(self.tr("Back office — {name}").format(name=self.actor.display_name))
        names = {"day": self.tr("Day close"), "reports": self.tr("Reports"),
                 "members": self.tr("Members"), "staff": self.tr("Staff"),
                 "backup": self.tr("Backups"), "products": self.tr("Products"),
                 "settings": self.tr("Settings"), "rules": self.tr("Loyalty rules"),
                 "jobs": self.tr("Daily jobs"), "audit": self.tr("Audit"),
                 "stock": self.tr("Stock"), "analysis": self.tr("Analysis"),
                 "campaigns": self.tr("Marketing"), "count_cards": self.tr("Count cards"),
                 "mall": self.tr("Gifts"), "messages": self.tr("Messages"),
                 "stores": self.tr("Stores")}
        if list(self.pages) == ["reports"]:
            names["reports"] = self.tr("My shift")
        for row, key in enumerate(self.pages):
            item = self.nav.item(row)
            if item is not None:
                item.setText(names[key])
        widest = max(self.nav.fontMetrics().horizontalAdvance(names[k]) for k in self.pages)
        # Room for the list's scroll bar too: on a 768-high screen the pages outgrow it.
        bar = self.nav.verticalScrollBar().sizeHint().width()
        self.nav.setFixedWidth(min(max(widest + 40 + bar, NAV_WIDTH[0]), NAV_WIDTH[1]))
        self.close_button.setText(self.tr("Close (Esc)"))
