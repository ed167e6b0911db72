"""Member analytics after a member import (issue 13: "refreshed by the daily jobs or
the CLI and after import"): the imported members get their ``member_scores`` rows at
once, so the counter's card and the 分析 figures count them before the next refresh.

An imported member has no sale yet, so their row is exact without scoring anyone
again: no R, F or M, no scores (the others' quintiles do not move: only members with
sales are ranked), grade D, the lifecycle stage of their registration date, no churn
warning. The rows are made by the refresh's own row builder
(:meth:`analytics_refresh.Computed.values`) as of the date of the scores already
there, and written in batches of :data:`analytics_refresh.BATCH_MEMBERS`, each its own
short transaction with a pause after it, so a checkout waits for at most one batch. A
member that has a row by then (a refresh ran meanwhile) keeps it. The kept 分析
figures are built again from the new rows. Nothing is written before the first
refresh (the page says so then).

:func:`import_and_score` is the member import the window and ``memberdesk members
import`` run: :func:`members.importer.import_members`, then this."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.analytics import score_means
from memberdesk.models import AnalysisSnapshot, Member, MemberScore
from memberdesk.services.analytics import aggregates
from memberdesk.services.analytics.refresh import (
    BATCH_MEMBERS,
    Computed,
    Gathered,
    analytics_settings,
    keep_figures,
    member_page,
)
from memberdesk.services.analytics.rows import insert_sql
from memberdesk.services.members.import_result import ImportResult
from memberdesk.services.members.importer import import_members
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.pacing import Pacer
from memberdesk.services.shared.tables import connection, table

_SCORES = table(MemberScore)
_SNAPSHOTS = table(AnalysisSnapshot)
_SCORED_IN = (select(_SCORES.c.member_id)
              .where(_SCORES.c.member_id > bindparam("low"),
                     _SCORES.c.member_id <= bindparam("high")))


def scores_date(session: Session) -> date | None:
    """The date of the scores in ``member_scores`` (None: never refreshed): the last
    refresh's (``analytics_state``), else (scores written before it was kept) a row's."""
    kept = aggregates.scores_date(session)
    if kept is not None:
        return kept
    v = connection(session).execute(
        select(_SCORES.c.as_of).order_by(_SCORES.c.member_id.desc()).limit(1)).scalar()
    return None if v is None else v if isinstance(v, date) else date.fromisoformat(str(v))


def score_imported(db: Database, after_id: int) -> int:
    """Write the ``member_scores`` rows of the members with an id above ``after_id``
    (the last id before the import) that have none; the number written."""
    with db.reader() as r:
        s = r.session
        as_of = scores_date(s)
        if as_of is None:
            return 0
        kept = connection(s).execute(select(_SNAPSHOTS.c.as_of).limit(1)).scalar()
        c = Computed(as_of, analytics_settings(s), clock.offset_minutes(s), after_id,
                     Gathered({}, {}, [], [], [], []), {}, score_means([]), None, {})
    at = clock.now()
    dialect = db.engine.dialect.name
    after, written = after_id, 0
    with Pacer(db) as pace:
        while True:
            with db.reader() as r:
                page = member_page(r.session, after, BATCH_MEMBERS)
            if not page:
                break
            rows = c.values(page, at, dialect)
            with pace.write() as uow:
                conn = connection(uow.session)
                has = set(conn.execute(_SCORED_IN,
                                       {"low": after, "high": page[-1][0]}).scalars())
                new = [v for v in rows if v[0] not in has]
                if new:
                    conn.exec_driver_sql(insert_sql(conn.dialect.paramstyle), new)
                uow.commit()
            written += len(new)
            after = page[-1][0]
    if written and kept is not None:
        keep_figures(db, kept if isinstance(kept, date) else date.fromisoformat(str(kept)))
    return written


def import_and_score(db: Database, actor: Actor, path: str | Path, **options: Any) -> ImportResult:
    """Import the members of a workbook (:func:`~memberdesk.services.members.importer.import_members`,
    same ``options``) and give the new ones their analytics rows at once, before the
    next refresh."""
    with db.reader() as r:
        last_id = int(r.session.scalar(select(func.max(Member.id))) or 0)
    result = import_members(db, actor, path, **options)
    if result.created and not result.dry_run:
        score_imported(db, last_id)
    return result
