"""The daily jobs (每日任务): one runner for everything due by business date.

Each job runs once per business date, recorded in ``job_runs`` (append-only). A
run catches up every day the computer was off: for each job, from the day after
its last recorded date to the shop's today (a job that never ran starts today),
day by day in date order. Jobs work in short batches, each its own unit of work,
so a checkout is never held up for the whole run; a job stopped half-way (a
cancel, a crash) is not recorded and does the rest at the next run.

Running jobs for a date after the shop's today (``memberdesk jobs run --until``)
would expire real members' points early: :func:`run_jobs` refuses it unless the
caller passes ``bring_forward`` with an actor allowed to adjust points, and then
audits it (``jobs.bring_forward``). That is how a demo or a test copy is brought
forward through a year.

Today's jobs, in this order each date: ``points_expiry``, ``tier_evaluation``
(:mod:`.tier_moves`), ``birthday_gifts`` (:mod:`.birthday`), ``count_card_expiry``
(:mod:`.count_card_expiry`), ``analytics_refresh`` (member scores,
:mod:`.analytics_refresh`; after the moves, so it sees the day's tier moves) and
``notifications`` (:mod:`~memberdesk.services.points.reminders`: the day's points-expiry reminder messages, then
the outbox's sender; last, so the day's tier and birthday messages go too). The card and
the receipt compute their own expiry reminders from the lots.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import JobRun
from memberdesk.services.count_cards import expiry as count_card_expiry
from memberdesk.services.loyalty import birthday, tier_moves
from memberdesk.services.points import expiry as points_expiry
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.batches import sharing_the_interpreter
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.permissions import Permission, require

Step = Callable[[int, int], bool]  # (done, total) -> go on?


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[Database, date, Step | None], tuple[dict[str, int], bool]]


def _points_expiry(db: Database, day: date, step: Step | None) -> tuple[dict[str, int], bool]:
    c = points_expiry.expire_due(db, day, step=step)
    return {"members": c.members, "lots": c.lots, "points": c.points}, c.cancelled


def _tier_evaluation(db: Database, day: date, step: Step | None) -> tuple[dict[str, int], bool]:
    c = tier_moves.evaluate_tiers(db, day, step=step)
    return c.as_dict(), c.cancelled


def _birthday_gifts(db: Database, day: date, step: Step | None) -> tuple[dict[str, int], bool]:
    c = birthday.give_birthday_gifts(db, day, step=step)
    return c.as_dict(), c.cancelled


def _count_card_expiry(db: Database, day: date,
                       step: Step | None) -> tuple[dict[str, int], bool]:
    """The day's expired cards, then the reminders of the cards expiring soon."""
    c = count_card_expiry.expire_cards(db, day, step=step)
    if c.cancelled:
        return {**c.as_dict(), "reminders": 0}, True
    from memberdesk.services.notifications.events import remind_cards_expiring

    reminders, cancelled = remind_cards_expiring(db, day, step=step)
    return {**c.as_dict(), "reminders": reminders}, cancelled


def _analytics_refresh(db: Database, day: date,
                       step: Step | None) -> tuple[dict[str, int], bool]:
    """Member analytics as of ``day``. A catch-up over several days refreshes only the
    last one (the scores of earlier days would be replaced at once; the purchase
    aggregates fold in every day's sales at that one refresh all the same)."""
    with db.reader() as r:
        today = clock.today(r.session)
    if day < today:
        return {"skipped": 1}, False
    from memberdesk.services.analytics.recommend_refresh import refresh_recommendations
    from memberdesk.services.analytics.refresh import (
        refresh_scores,  # numpy/scipy only when it runs
    )

    res = refresh_scores(db, day, step=step)
    counts = {"members": res.members, "scored": res.scored, "churn": res.churn}
    if res.cancelled:
        return counts, True
    rec = refresh_recommendations(db, day, step=step)  # the counter's suggestions
    return {**counts, **{f"recommend_{k}": v for k, v in rec.as_dict().items()}}, rec.cancelled


def _notifications(db: Database, day: date, step: Step | None) -> tuple[dict[str, int], bool]:
    """The day's points-expiry reminders, then (for today) what is due is sent."""
    from memberdesk.services.notifications import sender as notify_sender
    from memberdesk.services.points.reminders import remind_expiring

    reminders, cancelled = remind_expiring(db, day, step=step)
    counts = {"reminders": reminders}
    with db.reader() as r:
        today = clock.today(r.session)
    if not cancelled and day >= today:
        counts.update(notify_sender.send_due(db).as_dict())
    return counts, cancelled


JOBS: tuple[Job, ...] = (
    Job("points_expiry", _points_expiry),
    Job("tier_evaluation", _tier_evaluation),
    Job("birthday_gifts", _birthday_gifts),
    Job("count_card_expiry", _count_card_expiry),
    Job("analytics_refresh", _analytics_refresh),
    Job("notifications", _notifications),
)


@dataclass(frozen=True)
class JobRunInfo:
    job: str
    business_date: date
    finished_at: datetime
    counts: dict[str, int]


@dataclass(frozen=True)
class RunResult:
    until: date
    runs: tuple[JobRunInfo, ...]  # what this call ran, oldest first
    cancelled: bool = False


@dataclass(frozen=True)
class JobStatus:
    job: str
    last_date: date | None
    last: JobRunInfo | None
    due_days: int  # business dates not yet run up to today


@dataclass(frozen=True)
class JobsStatus:
    today: date
    jobs: tuple[JobStatus, ...]


def _last_run(s: Session, job: str) -> JobRunInfo | None:
    row = s.scalars(select(JobRun).where(JobRun.job == job)
                    .order_by(JobRun.business_date.desc()).limit(1)).first()
    if row is None:
        return None
    return JobRunInfo(row.job, row.business_date, row.finished_at, json.loads(row.counts))


def _first_due(last: JobRunInfo | None, today: date) -> date:
    return today if last is None else last.business_date + timedelta(days=1)


def _record(db: Database, job: str, day: date, counts: dict[str, int]) -> JobRunInfo | None:
    """Record the run unless another process recorded it meanwhile (the write lock
    orders the two; the second finds the row and records nothing)."""
    with db.uow() as uow:
        s = uow.session
        if s.scalar(select(func.count()).select_from(JobRun)
                    .where(JobRun.job == job, JobRun.business_date == day)):
            return None
        at = clock.now()
        s.add(JobRun(job=job, business_date=day, finished_at=at,
                     counts=json.dumps(counts, sort_keys=True)))
        uow.commit()
    return JobRunInfo(job, day, at, counts)


def run_jobs(
    db: Database,
    until: date | None = None,
    *,
    bring_forward: Actor | None = None,
    step: Step | None = None,
) -> RunResult:
    """Run every job for every business date due up to ``until`` (default: the shop's
    today). A date after today needs ``bring_forward`` (an actor who may adjust
    points; audited), else it is refused with ``jobs_future_date``."""
    with db.reader() as r:
        today = clock.today(r.session)
    end = today if until is None else until
    if end > today:
        if bring_forward is None:
            raise ValidationError("jobs_future_date", until=end.isoformat(),
                                  today=today.isoformat())
        with db.uow() as uow:
            require(uow.session, bring_forward, Permission.ADJUST_BALANCE)
            audit.record(uow.session, action="jobs.bring_forward",
                         staff_id=bring_forward.staff_id, entity="job_runs",
                         detail={"until": end.isoformat(), "today": today.isoformat()})
            uow.commit()
    with db.reader() as r:
        starts = {job.name: _first_due(_last_run(r.session, job.name), min(today, end))
                  for job in JOBS}
    with sharing_the_interpreter():  # the counter's thread goes on meanwhile
        return _run_days(db, starts, end, step)


def _run_days(db: Database, starts: dict[str, date], end: date,
              step: Step | None) -> RunResult:
    runs: list[JobRunInfo] = []
    day = min(starts.values(), default=end)
    while day <= end:
        for job in JOBS:
            if day < starts[job.name]:
                continue
            counts, cancelled = job.run(db, day, step)
            if cancelled:
                return RunResult(end, tuple(runs), cancelled=True)
            info = _record(db, job.name, day, counts)
            if info is not None:
                runs.append(info)
        day += timedelta(days=1)
    return RunResult(end, tuple(runs))


def jobs_status(db: Database) -> JobsStatus:
    """Per job: the last business date it ran for and how many dates are due."""
    with db.reader() as r:
        s = r.session
        today = clock.today(s)
        out = []
        for job in JOBS:
            last = _last_run(s, job.name)
            due = max(0, (today - _first_due(last, today)).days + 1)
            out.append(JobStatus(job.name, last.business_date if last else None, last, due))
    return JobsStatus(today, tuple(out))
