"""日结 — the day close: the day's figures on screen (a preview until the day is
closed), closing it (a second press confirms: a closed day is sealed), then the
sealed, numbered report; export and print beside it (the buttons in a column at the
figures' right, where the day's figures need the height). While a sealed day is shown the
close button is off, its tool tip saying when the day was sealed; the page comes back
on the next business day with that day (issue 11)."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Any, cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from memberdesk.money import Money
from memberdesk.services.closing.day_close import DayCloseResult
from memberdesk.services.reporting.day_report import DayReport
from memberdesk.services.shifts.review import open_shifts
from memberdesk.services.shifts.shift import ShiftSummary
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.daily_jobs import run_after
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, current_language, push_button
from ..dialogs.labels import tender_name
from . import jobs
from .backup_list import removed_text
from .day_close_shifts import CloseForDialog, OpenShiftsBox
from .export_panel import ExportPanel
from .long_jobs import LongJobs
from .page import Page
from .preview import ReportPreview

FIGURES_WIDTH = (300, 600)  # the figures column (as wide as its text, within these)
PREVIEW_LEAST = 360  # narrower than this the report's preview is left out (1024): the
# figures keep their width, the report is still exported or printed


class DayClosePage(Page):
    closed = Signal(object)  # DayCloseResult

    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "dayClosePage", parent)
        self.long_jobs = long_jobs
        self.report: DayReport | None = None
        self.result: DayCloseResult | None = None
        self._armed: date | None = None
        self._today: date | None = None  # the business day the page last heard of
        self.date_label = QLabel()
        self.date = QDateEdit(fmt.shop_qdate())
        self.date.setObjectName("dayCloseDate")
        self.date.setDisplayFormat(fmt.DATE_FORMAT)
        self.earlier = push_button(lambda: self.date.setDate(self.date.date().addDays(-1)))
        self.later = push_button(lambda: self.date.setDate(self.date.date().addDays(1)))
        for step in (self.earlier, self.later):
            step.setProperty("stepButton", True)
        self.date.setMaximumDate(fmt.shop_qdate())  # a day not begun cannot be shown
        self.date.dateChanged.connect(lambda _d: self._disarm())
        self.date_label.setBuddy(self.date)
        self.show_button = push_button(self.show_report)
        self.close_button = push_button(self.close_the_day, primary=True)
        self._busy_buttons += [self.show_button, self.close_button]
        row = QHBoxLayout()  # the label sits above it (the page fits a 1024-wide screen)
        row.addWidget(self.earlier)
        row.addWidget(self.date)
        row.addWidget(self.later)
        row.addWidget(self.show_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        self.note = QLabel()  # a sealed day: why it cannot be closed, where later sales go
        self.note.setObjectName("dayCloseNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.figures = QLabel()
        self.figures.setObjectName("dayFigures")
        self.figures.setWordWrap(False)  # figures never break; the box scrolls instead
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.figures_box = figures_box = QScrollArea()
        figures_box.setObjectName("dayFiguresBox")
        figures_box.setWidgetResizable(True)
        figures_box.setWidget(self.figures)
        figures_box.setMinimumWidth(FIGURES_WIDTH[0])
        figures_box.setMaximumWidth(FIGURES_WIDTH[1])
        self.open_shifts = OpenShiftsBox()  # 代交班: shifts a cashier left open
        self.open_shifts.close_for.connect(self.close_for)
        self.preview = ReportPreview()
        self.export_panel = ExportPanel(long_jobs, actor, self.preview)
        # the export buttons in a column beside the figures, the formats and where the
        # files go in one row under them: with the open shifts and a message shown, the
        # figures keep their height at 1024x768 and 1366x768 (issue 11)
        self.export_buttons = self.export_panel.stack_buttons()
        # (its row, the buttons at its head, is as wide as the page is only where the
        # preview fits too: its width never holds the page wide, see _fit_preview)
        self.export_panel.setSizePolicy(QSizePolicy.Policy.Ignored,
                                        QSizePolicy.Policy.Preferred)
        middle = QHBoxLayout()
        middle.setSpacing(12)
        middle.addWidget(figures_box, 2)
        middle.addWidget(self.preview, 3)
        middle.addWidget(self.export_buttons)
        self.body.addWidget(self.date_label)
        self.body.addLayout(row)
        self.body.addWidget(self.note)
        self.body.addWidget(self.open_shifts)
        self.body.addLayout(middle, 1)
        self.body.addWidget(self.export_panel)
        self.export_panel.keep_shortcuts_in(self)
        self.retranslate()

    @property
    def day(self) -> date:
        return cast(date, self.date.date().toPython())

    def activated(self) -> None:
        if not self.busy:  # every time: a new business day may have begun
            self.call(jobs.business_today, on_done=self._new_day)

    def _new_day(self, today: date) -> None:
        if self.report is not None and today == self._today:
            self.fetch(open_shifts, self.actor, on_done=self._open_shifts)  # closed meanwhile?
            return  # the same day: the page stays as the manager left it
        self._today = today
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.show_report()

    def enter_pressed(self) -> None:
        if self.focusWidget() is self.open_shifts.table:
            self.open_shifts.button.click()  # Enter on an open shift: 代交班
        else:
            self.show_report()

    def close_for(self, shift: ShiftSummary) -> None:
        """代交班: count and close ``shift`` in the manager's name; then the list and
        the figures are read again (the day may now be closed)."""
        if self.busy:
            return
        dialog = CloseForDialog(self.runner, self.actor, shift, self)
        dialog.finished.connect(lambda _r: self._after_close_for(dialog))
        dialog.open()

    def _after_close_for(self, dialog: CloseForDialog) -> None:
        closed = dialog.closed
        dialog.deleteLater()
        if closed is not None:
            self.say(lambda: self.tr("Shift {number} of {name} is closed for them.").format(
                number=closed.shift_no, name=closed.staff_name), OK)
            self.show_report()
        self.open_shifts.table.setFocus()  # the list refreshes: empty, the close is next

    def _disarm(self) -> None:
        self._armed = None
        self.clear_message()
        self.update_state()

    def _sealed(self) -> DayReport | None:
        """The sealed report of the day shown (None: the day is open)."""
        r = self.report
        return r if r is not None and r.close_no and r.business_date == self.day else None

    def update_state(self) -> None:
        """A sealed day cannot be closed again: the button is off, the note under the
        date says why and where the sales made after the close go (the next close, of
        a later business date: ``reporting/window.py``). "›" is off on the current
        business day, saying so (issue 11)."""
        sealed = self._sealed()
        self.close_button.setEnabled(not self.busy and sealed is None)
        self.close_button.setToolTip("" if sealed is None else self.tr(
            "{date} is sealed: report No. {number}, closed at {when}. The next business "
            "day can be closed once it has begun.").format(
                date=sealed.business_date.isoformat(), number=sealed.close_no,
                when=fmt.local_text(sealed.until)))
        self.note.setText(self._note_text(sealed))
        self.note.setVisible(sealed is not None)
        last = self.date.date() >= self.date.maximumDate()
        self.later.setEnabled(not last)
        self.later.setToolTip(self.tr(
            "{date} is the current business day: the next day can be shown once it has "
            "begun.").format(date=self.day.isoformat()) if last else self.tr("The day after"))

    def _note_text(self, sealed: DayReport | None) -> str:
        if sealed is None:
            return ""
        args = {"date": sealed.business_date.isoformat(), "number": sealed.close_no,
                "when": fmt.local_text(sealed.until)}
        if sealed.business_date == self._today:
            return self.tr(
                "{date} was closed at {when} (report No. {number}) and cannot be closed "
                "again; sales, refunds and recharges made since then go into the next "
                "close, which you can make here once {next} has begun.").format(
                    next=(sealed.business_date + timedelta(days=1)).isoformat(), **args)
        return self.tr(
            "{date} was closed at {when} (report No. {number}) and cannot be closed again; "
            "sales, refunds and recharges made after that went into the next close.").format(
                **args)

    # -- showing ----------------------------------------------------------------------------
    def show_report(self) -> None:
        if self.busy:
            return
        spec = jobs.day_spec(self.day, current_language())  # files in the screen's language
        self.fetch(open_shifts, self.actor, on_done=self._open_shifts)
        self.export_panel.set_spec(None)
        self.call(jobs.show, self.actor, spec, on_done=lambda shown: self._shown(shown, spec),
                  on_error=lambda _e: self._shown(None, None))

    def _open_shifts(self, rows: tuple[ShiftSummary, ...]) -> None:
        had_focus = self.open_shifts.table.hasFocus()
        self.open_shifts.set_rows(rows, self.actor.staff_id)
        if had_focus and not rows:
            self.close_button.setFocus()  # all closed: the day close is next

    def _shown(self, shown: jobs.Shown | None, spec: jobs.ReportSpec | None) -> None:
        self.report = shown.report if shown is not None else None
        self.preview.show_document(shown.screen if shown is not None else None,
                                   shown.pdf if shown is not None else None)
        self.export_panel.set_spec(spec)
        self.retranslate()
        self.update_state()

    # -- closing ----------------------------------------------------------------------------
    def close_the_day(self) -> None:
        if self.busy:
            return
        day = self.day
        if self.report is not None and self.report.close_no and self.report.business_date == day:
            self.say(lambda: self.tr("{date} is closed already (report No. {number}).").format(
                date=day.isoformat(), number=self.report.close_no if self.report else ""), OK)
            return
        if self._armed != day:  # first ask the service: open shifts are said now
            self.call(jobs.check_close, self.actor, day, on_done=lambda ok: self._arm(day, ok))
            return
        self._armed = None
        self.call(jobs.close, self.actor, day, on_done=self._closed)

    def _arm(self, day: date, closable: bool) -> None:
        if not closable or day != self.day:
            self.show_report()  # closed meanwhile (another till), or another day chosen
            return
        self._armed = day
        self.say(lambda: self.tr("Closing seals {date}: its report gets a number and never "
                                 "changes; later corrections go into the next close. Press "
                                 "\"Close the day\" again to confirm.").format(date=day.isoformat()),
                 ERROR)

    def _closed(self, result: DayCloseResult) -> None:
        self.result = result
        self.say(self._closed_text, ERROR if result.backup_warning else OK)
        self.closed.emit(result)
        run_after(self.long_jobs)  # the daily jobs now due (a new business date may have begun)
        self.show_report()

    def _closed_text(self) -> str:
        r = self.result
        if r is None:
            return ""
        text = self.tr("{date} is closed: report No. {number}.").format(
            date=r.report.business_date.isoformat(), number=r.report.close_no)
        if r.backup_path:
            text = fmt.sentences(text, self.tr("Backed up to {path}.").format(path=r.backup_path),
                                 removed_text(r.backup_removed))
        if r.backup_warning:
            text = fmt.sentences(text, self.tr("The automatic backup failed: {problem}").format(problem=r.backup_warning))
        return text

    # -- texts ------------------------------------------------------------------------------
    def _figures_html(self) -> str:
        r = self.report
        if r is None:
            return ""
        state = (self.tr("Report No. {number} (closed)").format(number=r.close_no) if r.close_no
                 else self.tr("Preview: the day is not closed yet"))
        left = [
            (self.tr("Sales before refunds"),
             f"{fmt.number(r.sales_count)} · {fmt.money(r.sales_total)}"),
            (self.tr("Discounts"), fmt.money(r.discount_total)),
            (self.tr("Sale refunds"),
             f"{fmt.number(r.sale_refunds_count)} · {fmt.money(r.sale_refunds_total)}"),
            (self.tr("Net sales (sales - refunds)"), fmt.money(r.net_sales)),
            (self.tr("Recharges"), f"{fmt.number(r.recharges_count)} · {fmt.money(r.recharges_principal)}"),
            (self.tr("Recharge bonus"), fmt.money(r.recharges_bonus)),
            (self.tr("Recharge refunds"), fmt.money(r.recharge_refunds_total)),
            (self.tr("Stored value owed"), fmt.money(r.sv_close_principal + r.sv_close_bonus)),
            (self.tr("Points outstanding"), fmt.number(r.points_close)),
            (self.tr("Count card uses left · deferred value"),
             f"{fmt.number(r.count_cards_outstanding)} · {fmt.money(r.count_cards_deferred)}"),
            (self.tr("New members"), fmt.number(r.new_members)),
        ]
        moves = r.loyalty
        loyalty = [
            (self.tr("Sign-ins · points"),
             f"{fmt.number(moves.sign_ins)} · {fmt.number(moves.sign_in_points)}"),
            (self.tr("Gifts redeemed · points"),
             f"{fmt.number(moves.gifts)} · {fmt.number(moves.gift_points)}"),
            (self.tr("Referral points given · taken back"),
             f"{fmt.number(moves.referral_points)} · {fmt.number(moves.referral_taken_back)}"),
            (self.tr("Points expired"), fmt.number(moves.points_expired)),
            (self.tr("Tier changes"), fmt.number(sum(n for _r, n in moves.tier_changes))),
        ]
        right = [(tender_name(k), fmt.money(v)) for k, v in r.takings_by_tender] or [
            (self.tr("Takings"), fmt.money(Money(0)))]

        def table(rows: list[tuple[str, str]], head: str) -> str:
            body = "".join(f"<tr><td>{escape(k)}</td>"
                           f"<td align='right'><b>{escape(v)}</b></td></tr>"
                           for k, v in rows)
            return (f"<p style='margin-top:10px'><b>{escape(head)}</b></p>"
                    f"<table width='100%' cellpadding='2'>{body}</table>")

        day_head = self.tr("The day")
        takings_head = self.tr("Takings by method")
        loyalty_head = self.tr("Loyalty")
        day = r.business_date.isoformat() + (f" · {r.store}" if r.store else "")  # a chain's
        return (f"<p><b>{escape(day)}</b><br>{escape(state)}</p>"
                f"{table(left, day_head)}{table(right, takings_head)}"
                f"{table(loyalty, loyalty_head)}")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Day close"))
        self.date_label.setText(self.tr("Business &date"))
        self.earlier.setText("‹")
        self.later.setText("›")
        self.earlier.setToolTip(self.tr("The day before"))
        self.show_button.setText(self.tr("Show (Enter)"))
        self.close_button.setText(self.tr("Close the day"))
        self.update_state()
        self.figures.setText(self._figures_html())
        wanted = self.figures.sizeHint().width() + self.figures_box.verticalScrollBar().sizeHint().width() + 4
        self.figures_box.setMinimumWidth(min(max(wanted, FIGURES_WIDTH[0]), FIGURES_WIDTH[1]))
        self._fit_preview(self.width())
        super().retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_preview(event.size().width())

    def _fit_preview(self, width: int) -> None:
        """The preview beside the figures only where it fits: the figures never scroll
        sideways. The export buttons beside them too (the figures keep their height),
        unless the preview fits only with the buttons under it, in the formats' row.
        Neither layout is taken where it does not fit ``width``: laid out before the page
        has its width, the window grew to hold it (1041 px on a 1024 screen)."""
        m = self.body.contentsMargins()
        room = width - m.left() - m.right() - self.figures_box.minimumWidth() - 12
        beside = room - self.export_panel.buttons_width() - 12
        row_fits = width - m.left() - m.right() >= self.export_panel.row_width()
        if beside >= PREVIEW_LEAST:  # the column and the preview beside the figures
            stacked, preview = True, True
        elif room >= PREVIEW_LEAST and row_fits:  # the preview beside, the buttons under
            stacked, preview = False, True
        else:  # no preview: the column where it fits beside the figures, else the row
            stacked, preview = beside >= 0 or not row_fits, False
        if stacked != self.export_panel.stacked:
            self.export_panel.set_stacked(stacked)
        self.preview.setVisible(preview)
