"""The audience of a promotion limited to a saved segment (会员日, 限时特价, 满赠 for the
members of a segment, not only tiers), issue 14.

How membership is decided at the counter: not by running the segment's filter on each
sale. A segment may test spend and visits in a window, last visit, points expiring
or the analytics' grade: aggregates over the sales that cost far more than a
checkout's lookup budget, and that move while the campaign runs (a dormant member's
first purchase would take them out of a "not seen for 60 days" segment halfway
through the sale that wakes them). Instead the segment's members are written to
``campaign_audience`` when the campaign is saved, each with the hold-out drawn then
(:func:`memberdesk.domain.campaigns.held_out` on the campaign's seed): the counter's
question is one primary-key probe (campaign, member) for the open segment campaigns
(:func:`admitted`), and the campaign report compares exactly the two groups that
were fixed before the start.

The list is taken again each time the campaign is saved before it starts (an edit:
nothing was given from it yet), so an owner who made the campaign weeks ahead saves
it again to bring it up to date; from the start it is frozen: members who join the
segment later are not in it, and nobody drawn into the hold-out is ever moved.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from memberdesk.domain.campaigns import held_out
from memberdesk.models import Campaign, CampaignAudience, Member, Segment
from memberdesk.services.members.filter import conditions, from_json
from memberdesk.services.shared.tables import connection, insert_many, table

_AUDIENCE = table(CampaignAudience)
CHUNK = 5000


def take(s: Session, c: Campaign) -> tuple[int, int]:
    """Write the audience of ``c`` afresh from its segment (none when it has no
    segment), in the caller's transaction: (members reached, held out)."""
    conn = connection(s)
    conn.execute(delete(_AUDIENCE).where(_AUDIENCE.c.campaign_id == c.id))
    if c.segment_id is None:
        return 0, 0
    seg = s.get_one(Segment, c.segment_id)
    ids = [
        int(m)
        for m in s.scalars(
            select(Member.id).where(*conditions(s, from_json(seg.filter_json))).order_by(Member.id)
        )
    ]
    held = 0
    for i in range(0, len(ids), CHUNK):
        rows = [
            {
                "campaign_id": c.id,
                "member_id": m,
                "held_out": held_out(c.seed, m, c.holdout_permille),
            }
            for m in ids[i : i + CHUNK]
        ]
        held += sum(1 for r in rows if r["held_out"])
        insert_many(conn, _AUDIENCE, rows)
    return len(ids) - held, held


def counts(s: Session, campaign_id: int) -> tuple[int, int]:
    """(members reached, held out) of a segment campaign's audience."""
    got = {
        bool(h): int(n)
        for h, n in s.execute(
            select(_AUDIENCE.c.held_out, func.count())
            .where(_AUDIENCE.c.campaign_id == campaign_id)
            .group_by(_AUDIENCE.c.held_out)
        )
    }
    return got.get(False, 0), got.get(True, 0)


def admitted(s: Session, campaign_ids: Iterable[int], member_id: int | None) -> frozenset[int]:
    """Of the segment campaigns ``campaign_ids``, those whose audience has
    ``member_id`` and not in the hold-out: one primary-key probe per campaign in one
    statement (nothing for a non-member)."""
    ids = sorted(set(campaign_ids))
    if member_id is None or not ids:
        return frozenset()
    return frozenset(
        int(c)
        for c in connection(s)
        .execute(
            select(_AUDIENCE.c.campaign_id).where(
                _AUDIENCE.c.campaign_id.in_(ids),
                _AUDIENCE.c.member_id == member_id,
                _AUDIENCE.c.held_out.is_(False),
            )
        )
        .scalars()
    )
