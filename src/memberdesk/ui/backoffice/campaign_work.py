"""The 营销 page's work on the long-job worker: running a campaign and exporting its
report, with the page's buttons for them (:class:`CampaignJobs`, mixed into the page
:mod:`memberdesk.ui.backoffice.campaigns`)."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from PySide6.QtCore import QCoreApplication

from memberdesk.services.campaigns.coupon_campaigns import run_campaign
from memberdesk.services.reporting.campaign_report import campaign_document, campaign_report
from memberdesk.services.reporting.words import pick
from memberdesk.ui.backoffice import jobs
from memberdesk.ui.backoffice.long_jobs import Progress
from memberdesk.ui.common import fmt

from ..dialogs.base import ERROR, OK, current_language


def run_job(db: Any, actor: Any, name: str, progress: Progress) -> Any:
    return run_campaign(db, actor, name, step=progress.step)


def report_job(db: Any, actor: Any, name: str, lang: str, progress: Progress) -> Any:
    rep = campaign_report(db, actor, name)
    spec = jobs.ReportSpec(
        open=lambda _db, _actor: nullcontext(rep),
        document=lambda r, shop: campaign_document(r, shop, r.generated_at, lang),
        stem=lambda r: pick(lang, "营销活动", "campaign") + "_" + fmt.date_text(r.generated_at),
        rows=lambda _r: 2,
    )
    return jobs.export(db, actor, spec, None, True, True, progress)


class CampaignJobs:
    """Mixed into the page: run a coupon campaign (progress, Cancel) and write a
    campaign's report; the page's bar, buttons and ``progress`` are used."""

    def run(self: Any) -> None:
        row = self.picked()
        if row is None or self.progress is not None:
            return
        self.say(lambda: QCoreApplication.translate("CampaignsPage", "Issuing the coupons of “{name}”…").format(name=row.name))
        self.progress = self.long_jobs.call_with_progress(
            run_job, self.actor, row.name, on_done=self._ran, on_user_error=self.show_error,
            on_finally=self._job_over)
        self.bar.follow(self.progress)
        _show_bar(self, cancel=True)
        self.update_state()

    def cancel(self: Any) -> None:
        if self.progress is not None:
            self.progress.cancel()

    def _ran(self: Any, res: Any) -> None:
        if res.cancelled:
            self.say(lambda: QCoreApplication.translate("CampaignsPage", "Stopped: {issued} coupons issued so far; run it again "
                                     "to go on.").format(issued=f"{res.reached:,}"), ERROR)
        else:
            self.say(lambda: QCoreApplication.translate("CampaignsPage", "{issued} coupons issued, {held} members held out.")
                     .format(issued=f"{res.reached:,}", held=f"{res.held_out_total:,}"), OK)

    def report(self: Any) -> None:
        row = self.picked()
        if row is None or self.progress is not None:
            return
        self.say(lambda: QCoreApplication.translate("CampaignsPage", "Writing the report of “{name}”…").format(name=row.name))
        self.progress = self.long_jobs.call_with_progress(
            report_job, self.actor, row.name, current_language(),
            on_done=lambda written: self.say(lambda: QCoreApplication.translate("CampaignsPage", "Written: {files}").format(
                files="\n".join(str(p) for p in written)), OK),
            on_user_error=self.show_error, on_finally=self._job_over)
        self.bar.follow(self.progress)
        _show_bar(self, cancel=False)
        self.update_state()

    def _job_over(self: Any) -> None:
        self.progress = None
        self.bar.hide()
        self.cancel_button.hide()
        for button in (self.edit_button, self.end_button, self.report_button):
            button.show()
        self.reload()
        self.update_state()


def _show_bar(page: Any, *, cancel: bool) -> None:
    """The job's bar (and its cancel button) in the place of the row's other buttons,
    which wait anyway: together they would widen the window past a 1024 screen."""
    for button in (page.edit_button, page.end_button, page.report_button):
        button.hide()
    page.bar.show()
    page.cancel_button.setVisible(cancel)
