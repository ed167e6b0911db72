"""The coupon report: per template counts of issued, used, restored, expired and
voided coupons, what is still usable, and the discount coupons gave."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from memberdesk.models import Coupon, CouponEvent
from memberdesk.models.enums import CouponEventKind, CouponKind, CouponStatus, TenderKind
from memberdesk.money import Money
from memberdesk.services.coupons.core import CouponTemplateDraft, create_coupon_template
from memberdesk.services.reporting.coupon_report import coupon_document, coupon_report
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from memberdesk.services.stored_value.recharge import (
    RechargeRefundRequest,
    RechargeRuleDraft,
    create_recharge_rule,
    refund_recharge,
)
from tests.checkout_support.kit import World, cid, yuan
from tests.unit.reporting.busy import busy_day, pay


def _expire(w: World, code: str) -> None:
    """What an expiry job will do (there is none yet): an event and the status."""
    with w.db.uow() as uow:
        s = uow.session
        coupon = s.scalar(select(Coupon).where(Coupon.code == code))
        assert coupon is not None
        s.execute(update(Coupon).where(Coupon.id == coupon.id).values(status=CouponStatus.EXPIRED))
        s.add(CouponEvent(coupon_id=coupon.id, kind=CouponEventKind.EXPIRE,
                          status_after=CouponStatus.EXPIRED, created_at=clock.now()))
        uow.commit()


def test_counts_and_discount(world: World) -> None:
    w = world
    b = busy_day(w)
    first = b.sales[0]  # used GIFT5 #0
    w.refund(first.sale_no, reason="整单退")  # the coupon comes back
    again = pay(w, [("WASH", 1)], TenderKind.CASH, "alice", (b.coupon_codes[0],))
    _expire(w, b.coupon_codes[2])
    wash = create_coupon_template(w.db, w.owner, CouponTemplateDraft(
        "WASH10", "洗车10元券", CouponKind.AMOUNT_OFF, value=yuan("10")))
    create_recharge_rule(w.db, w.owner, RechargeRuleDraft("充500送券", yuan("500"),
                                                          coupon_template_id=wash))
    rc = w.recharge("bob", "500")
    assert len(rc.coupon_codes) == 1
    refund_recharge(w.db, w.manager, RechargeRefundRequest(cid(), rc.recharge_no, "不充了"))
    rep = coupon_report(w.db, w.manager, b.today, b.today)
    rows = {r.code: r for r in rep.rows}
    gift = rows["GIFT5"]
    assert (gift.issued, gift.used, gift.restored, gift.expired, gift.voided) == (3, 2, 1, 1, 0)
    assert gift.outstanding == 1  # #1 never used; #0 used again; #2 expired
    coupon_off = (yuan("15.80") - first.payable) + (yuan("30.00") - again.payable)
    assert gift.discount == coupon_off == yuan("10")
    washrow = rows["WASH10"]
    assert (washrow.issued, washrow.voided, washrow.outstanding) == (1, 1, 0)
    assert washrow.discount == Money(0)
    assert rep.discount == coupon_off and rep.total("issued") == 4
    doc = coupon_document(rep, "测试便利店", rep.generated_at)
    totals = doc.tables[0].totals
    assert totals is not None and totals[2:] == (4, 2, 1, 1, 1, 1, coupon_off)


def test_ranges_and_refusals(world: World) -> None:
    w = world
    b = busy_day(w)
    rep = coupon_report(w.db, w.owner, b.today - timedelta(days=7), b.today - timedelta(days=1))
    gift = rep.rows[0]
    # Nothing happened in that week, but two coupons are usable now.
    assert (gift.issued, gift.used, gift.discount, gift.outstanding) == (0, 0, Money(0), 2)
    assert rep.empty and coupon_document(rep, "店", rep.generated_at).note.startswith("（无数据）")
    rep = coupon_report(w.db, w.owner)
    assert rep.rows[0].used == 1
    with pytest.raises(ValidationError):
        coupon_report(w.db, w.owner, b.today, b.today - timedelta(days=1))
    with pytest.raises(PermissionDenied):
        coupon_report(w.db, w.cashier, b.today, b.today)


def test_no_coupons_at_all(world: World) -> None:
    rep = coupon_report(world.db, world.owner)
    assert rep.rows == () and rep.discount == Money(0)
    assert coupon_document(rep, "店", rep.generated_at).note.startswith("（无数据）")
