"""消息 — the notification outbox: the log (pending, sent, failed, unknown, not sent)
with the reason of each, resending a failed or unknown message by hand (a manager;
an unknown one may have reached the member, so it takes a second press), sending
what is due now, the count and cost per month, the day's messages as a call list
(xlsx, in the shop's exports folder) for a shop without SMS; and on the second tab
the templates, the events switched on and a test message
(:mod:`.messages_templates`). 导入回复 reads a provider's reply report (CSV or xlsx):
the phones that replied R, TD or 退订 are unsubscribed (``notifications import-replies``).
The message text is given a third of the table's width where the type, member and
reason columns can give way (:func:`fit_columns`: elided, down to 56 px each, their
tool tips whole)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from memberdesk.domain.notify import EVENTS
from memberdesk.services.shared.messages.notify import REASON_WORDS, STATUS_WORDS, word
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, current_language, push_button
from .long_jobs import LongJobs
from .messages_templates import TemplatesPanel
from .page import Page


def load_log(db: Any, actor: Any, status: str | None) -> Any:
    from memberdesk.services.notifications.admin import message_log

    return message_log(db, actor, status)


def resend_message(db: Any, actor: Any, message_id: int) -> Any:
    from memberdesk.services.notifications.admin import resend

    return resend(db, actor, message_id)


def send_now(db: Any) -> Any:
    from memberdesk.services.notifications.sender import send_due

    return send_due(db)


def call_list(db: Any, actor: Any, lang: str) -> Any:
    """The shop's today's call list, written to the shop's exports folder."""
    from memberdesk.services.notifications.admin import export_call_list
    from memberdesk.services.shared import clock

    with db.reader() as r:
        today = clock.today(r.session)
    return export_call_list(db, actor, today, db.paths.exports, lang)


def import_reply_report(db: Any, actor: Any, path: str) -> Any:
    from memberdesk.services.notifications.unsubscribe import import_replies

    return import_replies(db, actor, Path(path))


# The type, member and reason columns at their preferred widths, and at the least.
PREFERRED = {1: 100, 2: 104, 5: 120}
NARROWEST = 44  # titles elide (tool tips say them); the full date-time column took 12 px more
TEXT_SHARE = 3  # the message text is given 1/3 of the table's width (when it can)


def fit_columns(table: QTableWidget) -> None:
    """The type, member and reason columns as wide as they like while the text keeps
    a third of the width; narrower (down to NARROWEST each) when it would not."""
    width = table.viewport().width()
    fixed = sum(table.columnWidth(c) for c in range(table.columnCount() - 1)
                if c not in PREFERRED)
    room = max(width - fixed - width // TEXT_SHARE, NARROWEST * len(PREFERRED))
    scale = min(1.0, room / sum(PREFERRED.values()))
    for column, preferred in PREFERRED.items():
        table.setColumnWidth(column, max(NARROWEST, int(preferred * scale)))


def _pair(pair: tuple[str, str]) -> str:
    return pair[1] if current_language().startswith("en") else pair[0]


class MessagesPage(Page):
    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "messagesPage", parent)
        self.long_jobs = long_jobs
        self.log: Any = None  # services.notifications.admin.MessageLog
        self._armed: int | None = None  # an unknown message: the second press resends
        self.tabs = QTabWidget()
        self.tabs.setObjectName("messagesTabs")
        log_tab = QWidget()
        self.status_filter = PickerBox()
        self.status_filter.setObjectName("messagesStatus")
        self.status_filter.addItem("", None)
        for key in STATUS_WORDS:
            self.status_filter.addItem("", key)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.counts = QLabel()
        self.counts.setObjectName("messagesCounts")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("messagesTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 5):  # type, member, reason: elided (tool tips), the text wide
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)  # the text
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrowed column's title
        header.setMinimumSectionSize(NARROWEST)  # (Qt's own least was 64 px)
        self.table.itemSelectionChanged.connect(self.update_state)
        self.table.viewport().installEventFilter(self)
        self.months = QLabel()
        self.months.setObjectName("messagesMonths")
        self.months.setWordWrap(True)
        self.send_button = push_button(self.send_due, primary=True)
        self.resend_button = push_button(self.resend)
        self.call_list_button = push_button(self.export_call_list)
        self.replies_button = push_button(self.import_replies)
        self.replies_button.setObjectName("messagesImportReplies")
        self._busy_buttons += [self.send_button, self.resend_button, self.call_list_button,
                               self.replies_button]
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.status_filter)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.status_filter)
        top.addWidget(self.counts, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.call_list_button)
        buttons.addStretch(1)
        buttons.addWidget(self.replies_button)
        tab = QVBoxLayout(log_tab)
        tab.setContentsMargins(0, 8, 0, 0)
        tab.addLayout(top)
        tab.addWidget(self.table, 1)
        tab.addWidget(self.months)
        tab.addLayout(buttons)
        self.templates = TemplatesPanel(self)
        self.tabs.addTab(log_tab, "")
        # Eight events' rows are taller than a 768-high screen leaves the page: they scroll.
        scroller = QScrollArea()
        scroller.setObjectName("messageTemplatesScroller")
        scroller.setWidget(self.templates)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs.addTab(scroller, "")
        self.tabs.currentChanged.connect(lambda i: self.templates.refresh() if i == 1 else None)
        self.body.addWidget(self.tabs, 1)
        self.retranslate()

    # -- loading -------------------------------------------------------------------------
    def activated(self) -> None:
        if not self.busy:
            self.refresh()

    def refresh(self) -> None:
        self.call(load_log, self.actor, self.status_filter.currentData(), on_done=self._show)

    def _show(self, log: Any) -> None:
        self.log = log
        self._armed = None
        self._fill()
        self._render_texts()
        self.update_state()
        if not self.templates.values:  # the templates tab's settings, once, after the log
            self.templates.refresh()

    def _fill(self) -> None:
        rows = self.log.rows if self.log is not None else ()
        self.table.setRowCount(len(rows))
        lang = current_language()
        for i, r in enumerate(rows):
            event = _pair(EVENTS[r.event].label) if r.event in EVENTS else self.tr("Test")
            cells = (fmt.local_text(r.created_at), event,
                     f"{r.member_no} {r.name}".strip(), r.phone,
                     word(STATUS_WORDS, r.status, lang), word(REASON_WORDS, r.reason, lang),
                     r.body)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                if c in (1, 2, 5, 6):
                    item.setToolTip(text)
                self.table.setItem(i, c, item)
        fit_columns(self.table)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            fit_columns(self.table)
        return super().eventFilter(watched, event)

    def _selected(self) -> Any:
        if self.log is None:
            return None
        row = self.table.currentRow()
        return self.log.rows[row] if 0 <= row < len(self.log.rows) else None

    def update_state(self) -> None:
        chosen = self._selected()
        self.resend_button.setEnabled(not self.busy and chosen is not None
                                      and chosen.status in ("failed", "unknown"))

    # -- actions -------------------------------------------------------------------------
    def send_due(self) -> None:
        if not self.busy:
            self.say(lambda: self.tr("Sending the messages due…"))
            self.call(send_now, on_done=self._sent)

    def _sent(self, counts: Any) -> None:
        c = counts.as_dict()
        stopped = counts.stopped

        def text() -> str:
            said = self.tr("Sent {sent}, failed {failed}, unknown {unknown}, waiting {waiting}."
                           ).format(**c)
            if stopped:
                said += " " + self.tr("Stopped: {why}.").format(
                    why=word(REASON_WORDS, stopped, current_language()))
            return said

        self.say(text, ERROR if stopped and stopped != "no_provider" else OK)
        self.refresh()

    def resend(self) -> None:
        chosen = self._selected()
        if chosen is None or self.busy:
            return
        if chosen.status == "unknown" and self._armed != chosen.id:
            self._armed = chosen.id
            self.say(lambda: self.tr("This message may have reached the member already. Press "
                                     "Resend again to send it anyway."), ERROR)
            return
        self.call(resend_message, self.actor, chosen.id, on_done=lambda _r: self._resent())

    def _resent(self) -> None:
        self.say(lambda: self.tr("The message will be sent again."), OK)
        self.refresh()

    def export_call_list(self) -> None:
        if not self.busy:
            self.call(call_list, self.actor, current_language(), on_done=lambda path: self.say(
                lambda: self.tr("Call list written: {path}").format(path=path), OK))

    def import_replies(self) -> None:
        if self.busy:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import which reply report?"), str(Path.home()),
            self.tr("Reply reports (*.csv *.xlsx);;All files (*)"))
        if path:
            self.say(lambda: self.tr("Reading the reply report…"))
            self.call(import_reply_report, self.actor, path, on_done=self._replies_read)

    def _replies_read(self, r: Any) -> None:
        bad = ", ".join(r.bad[:5])
        self.say(lambda: self.tr("{rows} rows read: {added} unsubscribed, {already} were "
                                 "already, {other} other replies.").format(
            rows=r.rows, added=r.added, already=r.already, other=r.other_replies)
            + (" " + self.tr("Not a mainland mobile: {phones}").format(phones=bad)
               if bad else ""), OK)
        self.refresh()

    # -- texts ---------------------------------------------------------------------------
    def _render_texts(self) -> None:
        log = self.log
        if log is None:
            self.counts.setText("")
            self.months.setText("")
            return
        lang = current_language()
        self.counts.setText("  ".join(f"{word(STATUS_WORDS, k, lang)} {log.counts.get(k, 0)}"
                                      for k in STATUS_WORDS))
        months = "; ".join(self.tr("{month}: {sent} sent, {cost}").format(
            month=m.month, sent=m.sent, cost=m.cost.display()) for m in log.months)
        no_sms = log.provider == "none"
        self.months.setText(
            (self.tr("Per month: {months}").format(months=months) if months
             else self.tr("No message sent yet."))
            + ("  " + self.tr("No SMS provider is set: export the call list and phone or "
                              "text the members yourself.") if no_sms else ""))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Messages"))
        self.tabs.setTabText(0, self.tr("Message log"))
        self.tabs.setTabText(1, self.tr("Templates and SMS"))
        self.filter_label.setText(self.tr("Show"))
        self.status_filter.setItemText(0, self.tr("All"))
        for i, key in enumerate(STATUS_WORDS, start=1):
            self.status_filter.setItemText(i, _pair(STATUS_WORDS[key]))
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Type"), self.tr("Member"), self.tr("Phone"),
            self.tr("Status"), self.tr("Reason"), self.tr("Text")])
        self.send_button.setText(self.tr("Send due now"))
        self.resend_button.setText(self.tr("Resend"))
        self.call_list_button.setText(self.tr("Today's call list (xlsx)"))
        self.replies_button.setText(self.tr("Import replies…"))
        self.replies_button.setToolTip(self.tr(
            "A reply report from the SMS provider (CSV or Excel): the phones that replied R, "
            "TD or 退订 get no more promotional messages."))
        self._fill()
        self._render_texts()
        self.templates.retranslate()
        super().retranslate()
