"""A campaign's coupons go out a chunk of members per unit of work: each reached member
gets the ``campaign`` message with the coupon (promotional: consent, unsubscribes), the
hold-out nothing; a process killed in the middle of a chunk (SIGKILL, its transaction
open) leaves whole chunks only, and a rerun issues each member's coupon exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta

from sqlalchemy import func, select, update

from memberdesk.domain.campaigns import held_out
from memberdesk.models import (
    Campaign,
    CampaignMember,
    Coupon,
    CouponEvent,
    Member,
    Notification,
    NotifyStatus,
)
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.campaigns.coupon_campaigns import (
    CampaignRequest,
    create_campaign,
    run_campaign,
)
from memberdesk.services.campaigns.segments import save_segment
from memberdesk.services.members.filter import MemberFilter
from memberdesk.services.notifications.unsubscribe import unsubscribe
from tests.checkout_support.kit import World

from .conftest import DAY, add_members


def _campaign(w: World, holdout: int = 200) -> None:
    save_segment(w.db, w.manager, "普通会员", MemberFilter(tier_id=w.tiers["normal"]))
    create_campaign(w.db, w.manager, CampaignRequest("回店礼", "普通会员", "BACK5",
                                                     holdout_permille=holdout))


def _seed(w: World) -> str:
    with w.db.reader() as r:
        return str(r.session.scalar(select(Campaign.seed)))


def test_each_reached_member_gets_one_campaign_message_by_consent_and_unsubscribes(
        world: World) -> None:
    w = world
    ids = add_members(w, 30)
    w.set_settings(notify__campaign__on=True, notify__campaign__code="SMS_CAMPAIGN")
    with w.db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id.in_(ids[:20]))
                            .values(marketing_consent=True))
        uow.commit()
    unsubscribe(w.db, w.manager, ["13700100001"])  # x1 replied R
    _campaign(w)
    run_campaign(w.db, w.manager, "回店礼")
    seed = _seed(w)
    segment = {*ids, w.members["alice"], w.members["carol"]}
    reached = {m for m in segment if not held_out(seed, m, 200)}
    with w.db.reader() as r:
        rows = {int(m): (st, reason, body, key) for m, st, reason, body, key in r.session.execute(
            select(Notification.member_id, Notification.status, Notification.reason,
                   Notification.body, Notification.dedupe_key)
            .where(Notification.event == "campaign"))}
        cid = r.session.scalar(select(Campaign.id))
    assert set(rows) == reached  # the hold-out gets no message
    for m, (st, reason, _body, key) in rows.items():
        wanted = ((NotifyStatus.DROPPED, "unsubscribed") if m == ids[1]
                  else (NotifyStatus.PENDING, "") if m in ids[:20]
                  else (NotifyStatus.DROPPED, "no_consent"))
        assert (st, reason) == wanted, m
        assert key == f"campaign:{cid}:{m}"
    some = next(b for m, (_s, _r, b, _k) in rows.items() if m in ids[2:20])
    valid = (DAY + timedelta(days=30)).isoformat()
    assert some.startswith("客") and f"回店满30减5，{valid}前有效。" in some
    assert some.endswith("拒收请回复R")
    run_campaign(w.db, w.manager, "回店礼")  # again: no coupon, no message twice
    with w.db.reader() as r:
        assert r.session.scalar(select(func.count()).select_from(Notification)) == len(reached)


_KILLED_RUN = textwrap.dedent("""
    import os, signal, sys
    from datetime import UTC, datetime
    from pathlib import Path
    from memberdesk.cli import main
    from memberdesk.domain import shoptime
    from memberdesk.services.campaigns import coupon_campaigns as campaigns
    from memberdesk.services.coupons import core as coupons
    campaigns.MAX_MEMBERS_PER_BATCH = 7
    real, calls = coupons.new_codes, [0]
    def killing(*args, **kwargs):
        calls[0] += 1
        codes = real(*args, **kwargs)
        if calls[0] == 4:  # the fourth chunk: its codes drawn, its transaction open
            os.kill(os.getpid(), signal.SIGKILL)
        return codes
    coupons.new_codes = killing
    with shoptime.frozen(lambda: datetime(2026, 5, 12, 2, 0, tzinfo=UTC)):
        sys.exit(main(["campaigns", "run", "回店礼", "--data-dir", sys.argv[1],
                       "--user", "manager"]))
""")


def test_a_run_killed_in_the_middle_of_a_chunk_then_rerun_issues_each_coupon_once(
        world: World) -> None:
    w = world
    ids = add_members(w, 60)
    _campaign(w, holdout=100)
    assert w.db.paths is not None
    killed = subprocess.run([sys.executable, "-c", _KILLED_RUN, str(w.db.paths.root)],
                            input="manager-pass\n", capture_output=True, text=True,
                            env={**os.environ, "MEMBERDESK_LANG": "en"}, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with w.db.reader() as r:
        partial = r.session.scalar(select(func.count()).select_from(CampaignMember))
        coupons_now = r.session.scalar(select(func.count()).select_from(Coupon))
    assert partial is not None and 0 < partial < len(ids) and partial % 7 == 0
    run = run_campaign(w.db, w.manager, "回店礼")
    assert not run.cancelled and run.issued + run.held_out + partial == len(ids) + 2
    seed = _seed(w)
    segment = {*ids, w.members["alice"], w.members["carol"]}
    with w.db.reader() as r:
        s = r.session
        per_member = dict(s.execute(select(Coupon.member_id, func.count())
                                    .group_by(Coupon.member_id)).all())
        audience = dict(s.execute(select(CampaignMember.member_id, CampaignMember.held_out)).all())
        events = s.scalar(select(func.count()).select_from(CouponEvent))
    assert per_member == {m: 1 for m in segment if not held_out(seed, m, 100)}
    assert set(audience) == segment and coupons_now is not None
    assert events == len(per_member)  # one ISSUE event a coupon, none of the killed chunk
    assert check_database(w.db) == []
