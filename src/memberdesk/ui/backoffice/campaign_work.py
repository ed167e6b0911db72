"""The 营销 page's work on the long-job worker: running a campaign and exporting its
report (the page itself is :mod:`memberdesk.ui.backoffice.campaigns`)."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from memberdesk.services.campaigns.coupon_campaigns import run_campaign
from memberdesk.services.reporting.campaign_report import campaign_document, campaign_report
from memberdesk.services.reporting.words import pick
from memberdesk.ui.backoffice import jobs
from memberdesk.ui.backoffice.long_jobs import Progress
from memberdesk.ui.common import fmt


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
