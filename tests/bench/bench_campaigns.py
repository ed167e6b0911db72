"""A coupon campaign to a segment of 1,000,000 members: the whole run through the
service (:func:`memberdesk.services.campaigns.coupon_campaigns.run_campaign`: the segment read, then a
chunk of members per unit of work: coupons, their events, ``campaign_members``, the
``campaign`` messages, one audit row a chunk, the pause between chunks that lets a
checkout in), and a rerun (nothing left to issue).

``python -m tests.bench campaigns``. The shop is the lookup benchmark's million
members (``build/bench/``, built once; ``MEMBERDESK_BENCH_MEMBERS`` for a smaller
one), copied so every run starts with no campaign. 60% of the members agree to
promotions, so the messages are a mix of waiting and not sent.

Measured on the shared 2-core machine at a load average of about 13: 1,000,000
members (900,381 coupons, 99,619 held out, a message each reached) in 704.5 s, 1,419
members/s (member by member it was 59 members/s: about 4.7 hours); the rerun 4.2 s.
"""

from __future__ import annotations

import shutil
import sqlite3
import time

from memberdesk.db import Database, make_engine
from memberdesk.models.enums import CouponKind
from memberdesk.money import Money
from memberdesk.services.campaigns.coupon_campaigns import (
    CampaignRequest,
    create_campaign,
    run_campaign,
)
from memberdesk.services.campaigns.segments import save_segment
from memberdesk.services.coupons.admin import CouponTemplateRequest, add_coupon_template
from memberdesk.services.members.filter import MemberFilter
from memberdesk.services.shared.settings import change_settings
from memberdesk.services.staff.accounts import login

from .bench_lookup import MEMBERS, build, cache_path


def main() -> None:
    base = cache_path()
    if not base.exists():
        build(base)
    work = base.with_name(f"campaign-{MEMBERS}.sqlite3")
    for p in (work, work.with_name(work.name + "-wal"), work.with_name(work.name + "-shm")):
        p.unlink(missing_ok=True)
    shutil.copyfile(base, work)
    raw = sqlite3.connect(work)
    raw.execute("UPDATE members SET marketing_consent = (id % 10 < 6)")
    raw.commit()
    raw.close()
    db = Database(make_engine(work))
    try:
        owner = login(db, "owner", "owner-pass")
        add_coupon_template(db, owner, CouponTemplateRequest(
            code="BENCH5", name="满30减5", kind=CouponKind.AMOUNT_OFF, value=Money(500),
            min_spend=Money(3000), valid_days=30))
        change_settings(db, owner, {"notify.campaign.on": True})
        save_segment(db, owner, "全部会员", MemberFilter())
        create_campaign(db, owner, CampaignRequest("基准活动", "全部会员", "BENCH5"))
        started = time.perf_counter()
        run = run_campaign(db, owner, "基准活动")
        took = time.perf_counter() - started
        assert not run.cancelled and run.issued + run.held_out == MEMBERS, run
        started = time.perf_counter()
        again = run_campaign(db, owner, "基准活动")
        rerun = time.perf_counter() - started
        assert again.issued == 0
    finally:
        db.close()
    name = "campaign_issue_1m_s" if MEMBERS == 1_000_000 else f"campaign_issue_{MEMBERS}_s"
    print(f"{name}: {took:.1f} s")
    print(f"campaign_issue_members_per_s: {MEMBERS / took:.0f} members/s "
          f"({run.issued} coupons, {run.held_out} held out)")
    print(f"campaign_rerun_s: {rerun:.1f} s")


if __name__ == "__main__":
    main()
