"""每日任务 — the daily jobs' status: for each job (points expiry, tier evaluation,
birthday gifts) the last business date it ran for, what it did then and how many
dates are due; and a button that runs what is due now (up to the shop's today, never
later) on the long-job worker. The jobs also run by themselves at start-up, every few
minutes and after the day close (:mod:`memberdesk.ui.shell.daily_jobs`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.daily_jobs import run_due_jobs
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, push_button
from .long_jobs import LongJobs
from .page import Page

JOB_NAMES = {
    "points_expiry": QT_TRANSLATE_NOOP("DailyJobsPage", "Points expiry"),
    "tier_evaluation": QT_TRANSLATE_NOOP("DailyJobsPage", "Tier evaluation"),
    "birthday_gifts": QT_TRANSLATE_NOOP("DailyJobsPage", "Birthday gifts"),
    "count_card_expiry": QT_TRANSLATE_NOOP("DailyJobsPage", "Count card expiry"),
    "analytics_refresh": QT_TRANSLATE_NOOP("DailyJobsPage", "Member analytics"),
    "notifications": QT_TRANSLATE_NOOP("DailyJobsPage", "Text messages"),
}


def jobs_status(db: Any) -> Any:
    """The JobsStatus (worker side)."""
    from memberdesk.services.jobs.runner import jobs_status as status

    return status(db)


class DailyJobsPage(Page):
    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "dailyJobsPage", parent)
        self.long_jobs = long_jobs
        self.status: Any = None  # services.jobs.JobsStatus
        self.intro = QLabel()
        self.intro.setObjectName("dailyJobsIntro")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("dailyJobsTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.run_button = push_button(self.run_now, primary=True)
        self._busy_buttons.append(self.run_button)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addStretch(1)
        self.body.addWidget(self.intro)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(row)
        self.retranslate()

    # -- loading -------------------------------------------------------------------------
    def activated(self) -> None:
        if not self.busy:
            self.refresh()

    def refresh(self) -> None:
        self.call(jobs_status, on_done=self._show)

    def _show(self, status: Any) -> None:
        self.status = status
        self.retranslate()

    # -- running -------------------------------------------------------------------------
    def run_now(self) -> None:
        if self.busy:
            return
        if self.long_jobs.busy:
            self.say(lambda: self.tr("Wait until the export or backup finishes."), ERROR)
            return
        self.say(lambda: self.tr("Running the daily jobs due…"))
        self._set_busy(True)
        self.long_jobs.call(run_due_jobs, on_done=self._ran, on_user_error=self._failed)

    def _ran(self, result: Any) -> None:
        self._set_busy(False)
        days = len({run.business_date for run in result.runs})
        if days:
            self.say(lambda: self.tr("Done: the jobs of {days} day(s) ran.").format(days=days), OK)
        else:
            self.say(lambda: self.tr("Nothing was due."), OK)
        self.refresh()

    def _failed(self, error: UserError) -> None:
        self._set_busy(False)
        self.show_error(error)

    # -- texts -------------------------------------------------------------------------
    def _what(self, job: str, counts: dict[str, int]) -> str:
        c = {k: fmt.number(v) for k, v in counts.items()}
        if job == "points_expiry":
            return self.tr("{points} points of {members} members expired").format(
                points=c.get("points", "0"), members=c.get("members", "0"))
        if job == "tier_evaluation":
            return self.tr("{up} up, {down} down, {renewed} renewed").format(
                up=c.get("up", "0"), down=c.get("down", "0"), renewed=c.get("renewed", "0"))
        if job == "birthday_gifts":
            return self.tr("{members} gifts: {points} points, {coupons} coupons").format(
                members=c.get("members", "0"), points=c.get("points", "0"),
                coupons=c.get("coupons", "0"))
        if job == "count_card_expiry":
            return self.tr("{cards} count cards expired, {uses} uses").format(
                cards=c.get("cards", "0"), uses=c.get("uses", "0"))
        if job == "analytics_refresh":
            if counts.get("skipped"):
                return self.tr("not needed for a past day (only the last day is scored)")
            return self.tr("{scored} of {members} members scored, {churn} churn warnings").format(
                scored=c.get("scored", "0"), members=c.get("members", "0"),
                churn=c.get("churn", "0"))
        if job == "notifications":
            return self.tr("{reminders} expiry reminders written, {sent} messages sent").format(
                reminders=c.get("reminders", "0"), sent=c.get("sent", "0"))
        return ", ".join(f"{k}={v}" for k, v in sorted(c.items()))

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("Daily jobs"))
        self.run_button.setText(self.tr("Run due jobs now"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Job"), self.tr("Last run for"), self.tr("What it did"), self.tr("Days due")])
        status = self.status
        if status is None:
            self.intro.setText("")
            return
        self.intro.setText(self.tr(
            "Shop today: {day}. The jobs run by themselves at start-up, every 10 minutes and "
            "after the day close; each runs once for each business date.").format(
            day=fmt.date_text(status.today)))
        self.table.setRowCount(len(status.jobs))
        for r, job in enumerate(status.jobs):
            name = JOB_NAMES.get(job.job)
            cells = (
                self.tr(str(name)) if name else job.job,
                fmt.date_text(job.last_date) if job.last_date else self.tr("never"),
                self._what(job.job, job.last.counts) if job.last else "",
                fmt.number(job.due_days),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
