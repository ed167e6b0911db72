"""The counter window: lookup field on top, member | cart | totals, the key bar,
the status bar. A view: it emits signals and exposes its regions; controllers
(see :mod:`.controller`) connect them to services through the task runner.

Layout, top to bottom::

    [ ServerStrip: the database server is lost (red; hidden otherwise) ]
    [ OfflineBar: offline cash sales, the sales waiting to be sent (hidden otherwise) ]
    [ Find member: ______________________________________________ ]
    [ MemberPanel ][ CartPanel (table)                ][ TotalsPanel ]
    [ KeyBar: F2 Find  (F3–F8 tasks)  F12 Pay  Esc Clear ...  F9 Lock ... ]
    [ MessageBanner: user errors, hidden when there is nothing to say    ]
    [ StatusFields: on duty | shop | card reader | printer | last backup ]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from memberdesk.ui.common import icons
from memberdesk.ui.counter import keys
from memberdesk.ui.counter.banner import MessageBanner
from memberdesk.ui.counter.dialog_focus import DialogFocus
from memberdesk.ui.counter.key_bar import KeyBar
from memberdesk.ui.counter.offline_bar import OfflineBar
from memberdesk.ui.counter.panels import CartPanel, MemberPanel, TotalsPanel
from memberdesk.ui.counter.server_strip import RECONNECT_SHORTCUT, ServerStrip
from memberdesk.ui.counter.status_bar import StatusFields
from memberdesk.ui.counter.type_ahead import TypeAhead
from memberdesk.ui.shell.i18n import Retranslating, Translations
from memberdesk.ui.shell.login import LANGUAGE_SHORTCUT, QUIT_SHORTCUT, other_language_name
from memberdesk.ui.shell.quit_guard import GuardedClose

if TYPE_CHECKING:
    from memberdesk.services.shared.context import Actor

# The keys live in the one key map (:mod:`memberdesk.ui.counter.keys`).
LOCK_SHORTCUT = keys.LOCK
LOGOUT_SHORTCUT = keys.LOGOUT
FIND_SHORTCUT = keys.FIND
PAY_SHORTCUT = keys.PAY
CLEAR_SHORTCUT = keys.CLEAR
# Widths: the panels share the room 2 : 5 : 2 but never get narrower than this.
MEMBER_PANEL_MIN = 240
TOTALS_PANEL_MIN = 260
TOTALS_PANEL_MAX = 360


class MainWindow(GuardedClose, Retranslating, QMainWindow):
    lock_requested = Signal()
    logout_requested = Signal()
    quit_requested = Signal()  # Ctrl+Q, or the window closed from the title bar (GuardedClose)
    language_toggle_requested = Signal()
    lookup_submitted = Signal(str)
    pay_requested = Signal()
    clear_requested = Signal()
    # Every card presented at the counter (PC/SC or keyboard-wedge), canonical or as
    # read; counter tasks (registration, replacing a card) may listen.
    card_presented = Signal(str)

    def __init__(self, i18n: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._i18n = i18n
        self._actor: Actor | None = None
        self._shop_name = ""

        self.lookup_label = QLabel()
        self.lookup_label.setObjectName("lookupLabel")
        self.lookup = QLineEdit()
        self.lookup.setObjectName("lookupField")
        self.lookup.setClearButtonEnabled(True)
        self.lookup.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.lookup.returnPressed.connect(self._submit_lookup)
        self.lookup_label.setBuddy(self.lookup)
        lookup_bar = QFrame()
        lookup_bar.setObjectName("lookupBar")
        top = QHBoxLayout(lookup_bar)
        top.setContentsMargins(16, 10, 16, 10)
        top.addWidget(self.lookup_label)
        top.addWidget(self.lookup, 1)

        self.member_panel = MemberPanel()
        self.member_panel.setMinimumWidth(MEMBER_PANEL_MIN)
        self.cart_panel = CartPanel()
        self.totals_panel = TotalsPanel()
        self.totals_panel.setMinimumWidth(TOTALS_PANEL_MIN)
        self.totals_panel.setMaximumWidth(TOTALS_PANEL_MAX)
        middle = QHBoxLayout()
        middle.setContentsMargins(12, 0, 12, 0)
        middle.setSpacing(12)
        middle.addWidget(self.member_panel, 2)
        middle.addWidget(self.cart_panel, 5)
        middle.addWidget(self.totals_panel, 2)

        self.key_bar = KeyBar()
        self.banner = MessageBanner(i18n)
        self.server_strip = ServerStrip()
        self.offline_bar = OfflineBar()
        central = QWidget()
        central.setObjectName("counter")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.server_strip)
        column.addWidget(self.offline_bar)
        column.addWidget(lookup_bar)
        column.addLayout(middle, 1)
        column.addWidget(self.key_bar)
        column.addWidget(self.banner)
        self.setCentralWidget(central)

        self.status = StatusFields()
        self.setStatusBar(self.status)
        self._create_actions()
        self.type_ahead = TypeAhead(self, self.lookup)  # keys typed before the counter is back
        self.dialog_focus = DialogFocus(self, lambda: self.lookup, self.type_ahead)
        self.retranslate()

    def _create_actions(self) -> None:
        def action(shortcut: str, signal: SignalInstance) -> QAction:
            act = QAction(self)
            act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(signal)
            self.addAction(act)  # the key works with or without a visible button
            return act

        self.sale_keys: list[QAction] = []  # buttons just before F12 (add_closing_keys)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence(FIND_SHORTCUT))
        self.find_action.triggered.connect(self.focus_lookup)
        self.addAction(self.find_action)
        self.pay_action = action(PAY_SHORTCUT, self.pay_requested)
        self.clear_action = action(CLEAR_SHORTCUT, self.clear_requested)
        self.key_bar.add_action(self.find_action)
        self.lock_action = action(LOCK_SHORTCUT, self.lock_requested)
        self.logout_action = action(LOGOUT_SHORTCUT, self.logout_requested)
        self.quit_action = action(QUIT_SHORTCUT, self.quit_requested)
        self.language_action = action(LANGUAGE_SHORTCUT, self.language_toggle_requested)
        self.reconnect_action = QAction(self)
        self.reconnect_action.setShortcut(QKeySequence(RECONNECT_SHORTCUT))
        self.reconnect_action.triggered.connect(self.server_strip.reconnect_now)
        self.addAction(self.reconnect_action)
        # only while the server is lost (ui/counter/offline_controller.py)
        self.offline_sale_action = action(keys.OFFLINE_SALE, self.offline_bar.sell_requested)
        self.system_menu = self.menuBar().addMenu("")
        self.system_menu.addActions([self.lock_action, self.logout_action])
        self.system_menu.addSeparator()
        self.system_menu.addAction(self.language_action)
        self.system_menu.addSeparator()
        self.system_menu.addAction(self.quit_action)
        for act in (self.lock_action, self.logout_action, self.quit_action):
            self.key_bar.add_action(act, at_end=True)

    def add_closing_keys(self) -> None:
        """The sale's own keys (``sale_keys``: F11 discount), F12 Pay and Esc Clear,
        after the counter tasks' keys (F3–F10, F1)."""
        for act in self.sale_keys:
            self.key_bar.add_action(act)
        pay = self.key_bar.add_action(self.pay_action)
        pay.setProperty("primaryKey", True)
        pay.style().unpolish(pay)
        pay.style().polish(pay)
        self.key_bar.add_action(self.clear_action)

    # -- texts --------------------------------------------------------------------
    def retranslate(self) -> None:
        shop = self._shop_name or "MemberDesk"
        self.setWindowTitle(self.tr("{shop} — MemberDesk counter").format(shop=shop))
        self.lookup_label.setText(self.tr("&Find member"))
        self.lookup.setPlaceholderText(
            self.tr("Swipe a card or type a phone, its last 4 digits, member no. or initials")
        )
        self.find_action.setText(self.tr("Find member"))
        self.pay_action.setText(self.tr("Pay"))
        self.clear_action.setText(self.tr("Clear"))
        self.system_menu.setTitle(self.tr("&System"))
        self.lock_action.setText(self.tr("Lock screen"))
        self.logout_action.setText(self.tr("Log out"))
        self.quit_action.setText(self.tr("Quit"))
        # The toggle names the other language in that language (not translated).
        self.language_action.setText(other_language_name(self._i18n.language))

    # -- session --------------------------------------------------------------------
    @property
    def actor(self) -> Actor | None:
        return self._actor

    def start_session(self, actor: Actor, shop_name: str) -> None:
        self._actor = actor
        self._shop_name = shop_name
        self.status.set_actor(actor)
        self.status.set_shop(shop_name)
        self.retranslate()
        self.lookup.setFocus()

    def set_shop_name(self, name: str) -> None:
        """The owner renamed the shop (Settings → Shop): the title and status bar say it."""
        self._shop_name = name
        self.status.set_shop(name)
        self.retranslate()

    def end_session(self) -> None:
        """Forget the staff member and everything on screen (log out)."""
        self._actor = None
        self.status.set_actor(None)
        self.banner.clear()
        self.lookup.clear()

    # -- focus ------------------------------------------------------------------------
    def focus_field(self, field: QWidget) -> None:
        """Typing goes to ``field`` (also right after a dialog closed)."""
        if not self.isActiveWindow():
            self.activateWindow()
        field.setFocus()

    def focus_lookup(self) -> None:
        self.focus_field(self.lookup)
        self.lookup.selectAll()

    def focus_entry(self) -> None:
        """Where typing goes next (a member found, a payment or a receipt closed):
        the scan field. Never the plain amount: a product code typed there by
        habit would be rung up as that many yuan. The cashier goes to the amount
        field on purpose (Tab, or a click)."""
        self.focus_field(self.cart_panel.product_field)

    # -- input ------------------------------------------------------------------------
    def _submit_lookup(self) -> None:
        text = self.lookup.text().strip()
        if text:
            self.lookup_submitted.emit(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.lookup.setFocus()
