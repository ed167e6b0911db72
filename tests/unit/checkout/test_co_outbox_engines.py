"""The outbox's and a campaign chunk's multi-row inserts on both engines (SQLite through
the driver, PostgreSQL through Core with ON CONFLICT DO NOTHING): a recharge's balance
message written once however often its key comes, a campaign chunk's coupons, their
events, the audience rows and the messages, and an unsubscribed phone's message dropped."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select, update

from memberdesk.models import (
    CampaignMember,
    Coupon,
    CouponEvent,
    CouponTemplate,
    Member,
    Notification,
    NotifyStatus,
)
from memberdesk.models.enums import CouponKind
from memberdesk.services.campaigns.coupon_campaigns import CampaignRequest, create_campaign
from memberdesk.services.campaigns.issue import Issue, issue_chunk
from memberdesk.services.campaigns.segments import save_segment
from memberdesk.services.coupons.admin import CouponTemplateRequest, add_coupon_template
from memberdesk.services.members.filter import MemberFilter
from memberdesk.services.notifications.outbox import enqueue
from memberdesk.services.notifications.unsubscribe import unsubscribe
from memberdesk.services.shared.policy import Policy
from tests.checkout_support.kit import World, yuan


def test_a_message_and_a_campaign_chunk_are_written_once(world: World) -> None:
    w = world
    w.set_settings(notify__balance__on=True, notify__campaign__on=True)
    w.recharge("alice", "10")
    with w.db.uow() as uow:  # the same key again: nothing
        assert enqueue(uow.session, "balance", w.members["alice"], {"amount": "1"},
                       "sv:1") is NotifyStatus.PENDING
        uow.commit()
    add_coupon_template(w.db, w.owner, CouponTemplateRequest(
        code="BACK5", name="回店满30减5", kind=CouponKind.AMOUNT_OFF, value=yuan("5"),
        min_spend=yuan("30"), valid_days=30))
    save_segment(w.db, w.manager, "全部", MemberFilter())
    create_campaign(w.db, w.manager, CampaignRequest("回店礼", "全部", "BACK5",
                                                     holdout_permille=0))
    with w.db.uow() as uow:
        uow.session.execute(update(Member).where(Member.phone.in_(["13800000002",
                                                                   "13800000003"]))
                            .values(marketing_consent=True))
        uow.commit()
    unsubscribe(w.db, w.manager, ["13800000002"])
    members = sorted(w.members.values())
    at = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
    with w.db.uow() as uow:
        s = uow.session
        tid = s.scalar(select(CouponTemplate.id).where(CouponTemplate.code == "BACK5"))
        assert tid is not None
        job = Issue(1, "回店礼", tid, "seed", 0, w.manager.staff_id, at)
        assert issue_chunk(s, job, members, Policy.load(s)) == (len(members), 0)
        assert issue_chunk(s, job, members, Policy.load(s)) is None  # all in already
        uow.commit()
    with w.db.reader() as r:
        s = r.session
        coupons = dict(s.execute(select(Coupon.member_id, Coupon.valid_from)).all())
        assert set(coupons) == set(members) and set(coupons.values()) == {at}
        assert s.scalar(select(func.count()).select_from(CouponEvent)) == len(members)
        assert s.scalar(select(func.count()).select_from(CampaignMember)) == len(members)
        messages = s.execute(select(Notification.event, Notification.phone,
                                    Notification.status, Notification.reason)
                             .order_by(Notification.id)).all()
    assert messages[0] == ("balance", "13800000001", NotifyStatus.PENDING, "")
    campaign = {phone: (st, reason) for ev, phone, st, reason in messages if ev == "campaign"}
    assert len(messages) == 1 + len(members)
    assert campaign["13800000002"] == (NotifyStatus.DROPPED, "unsubscribed")
    assert campaign["13800000001"] == (NotifyStatus.DROPPED, "no_consent")
    assert campaign["13800000003"] == (NotifyStatus.PENDING, "")
