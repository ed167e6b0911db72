"""A day of known sales gives known figures to the fen; closing is idempotent and a
later correction lands in the next day's report."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from memberdesk.models import DayClose, Member, Sale
from memberdesk.models.enums import DiscountKind, RefundKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.closing.day_close import check_day_close, close_day, day_report
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import ConflictError, PermissionDenied, ValidationError
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import World, yuan


def _today(w: World):  # type: ignore[no-untyped-def]
    with w.db.reader() as r:
        return clock.business_date(r.session, clock.now())


def _close_all_shifts(w: World) -> None:
    for actor in (w.cashier, w.manager, w.owner):
        cur = shifts.current_shift(w.db, actor)
        if cur is not None:
            counted = {a.kind: a.expected or Money(0) for a in cur.amounts
                       if a.kind is TenderKind.CASH}
            shifts.close_shift(w.db, actor, counted)


def _liability(w: World) -> tuple[Money, Money]:
    with w.db.reader() as r:
        p, b = r.session.execute(
            select(func.sum(Member.sv_principal), func.sum(Member.sv_bonus))).one()
    return (p or Money(0)), (b or Money(0))


def test_known_day(world: World) -> None:
    w = world
    open_p, open_b = _liability(w)
    rc = w.recharge("alice", "500")
    s1 = w.sell([("COLA", 2), ("CHIPS", 1)], [(TenderKind.STORED_VALUE, "15.80")], member="alice")
    s2 = w.sell([("BEER", 2)], [(TenderKind.CASH, "20")])
    s3 = w.sell([("WASH", 1)], [(TenderKind.WECHAT, "28.50")], member="bob")
    r2 = w.refund(s2.sale_no, reason="酒是温的")
    _close_all_shifts(w)
    today = _today(w)
    result = close_day(w.db, w.owner, today)
    rep = result.report
    assert not result.replayed and rep.close_no == 1
    assert rep.sales_count == 3
    assert rep.gross == yuan("7.00") + yuan("8.80") + yuan("12.00") + yuan("30.00")
    assert rep.net == s1.payable + s2.payable + s3.payable
    assert rep.gross - rep.discount_total == rep.net
    assert dict(rep.discounts).get(DiscountKind.TIER, Money(0)) + dict(rep.discounts).get(
        DiscountKind.MEMBER_PRICE, Money(0)) == rep.discount_total
    sales_by = dict(rep.sales_by_tender)
    assert sales_by[TenderKind.STORED_VALUE] == s1.payable
    assert sales_by[TenderKind.CASH] == yuan("12.00")  # change is not takings
    assert sales_by[TenderKind.WECHAT] == s3.payable
    assert rep.refunds_count == 1 and rep.refunds_total == r2.amount == yuan("12.00")
    assert rep.refunds[0].reason == "酒是温的" and rep.refunds[0].kind is RefundKind.SALE
    assert rep.refunds[0].original_no == s2.sale_no
    assert rep.recharges_count == 1 and rep.recharges_principal == rc.amount
    assert rep.recharges_bonus == rc.bonus
    takings = dict(rep.takings_by_tender)
    assert takings[TenderKind.CASH] == yuan("500") + yuan("12.00") - yuan("12.00")
    assert TenderKind.STORED_VALUE in takings
    close_p, close_b = _liability(w)
    assert (rep.sv_open_principal, rep.sv_open_bonus) == (open_p, open_b)
    assert (rep.sv_close_principal, rep.sv_close_bonus) == (close_p, close_b)
    assert rep.new_members == 3  # the kit's members were added today
    assert {c.staff for c in rep.cashiers} >= {"张收银"}
    assert rep.top_products[0].name == "精洗一次"
    assert rep.shifts and all(s.variance == Money(0) for s in rep.shifts)
    with w.db.reader() as r:
        assert rep.points_close == r.session.scalar(select(func.sum(Member.points_balance)))
    assert check_database(w.db) == []


def test_closing_twice_counts_nothing_twice(world: World) -> None:
    w = world
    w.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")])
    _close_all_shifts(w)
    today = _today(w)
    first = close_day(w.db, w.owner, today)
    second = close_day(w.db, w.manager, today)
    assert second.replayed and second.report == first.report
    with w.db.reader() as r:
        assert r.session.scalar(select(func.count()).select_from(DayClose)) == 1
    assert day_report(w.db, w.manager, today) == first.report


def test_late_correction_lands_in_next_close(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    sale = w.sell([("CHIPS", 2)], [(TenderKind.ALIPAY, "17.60")])
    _close_all_shifts(w)
    today = _today(w)
    day1 = close_day(w.db, w.owner, today).report
    assert day1.sales_count == 1 and day1.refunds_count == 0
    # Next day: the sale is refunded.
    real_now = clock.now
    monkeypatch.setattr(clock, "now", lambda: real_now() + timedelta(days=1))
    shifts.open_shift(w.db, w.manager, yuan("100"))
    w.refund(sale.sale_no, reason="过期了")
    _close_all_shifts(w)
    day2 = close_day(w.db, w.owner, today + timedelta(days=1)).report
    assert day2.close_no == 2
    assert day2.sales_count == 0 and day2.refunds_count == 1
    assert day2.refunds_total == yuan("17.60")
    assert dict(day2.takings_by_tender)[TenderKind.ALIPAY] == yuan("-17.60")
    # Day 1 is sealed: unchanged.
    assert day_report(w.db, w.owner, today) == day1
    assert day2.sv_open_principal == day1.sv_close_principal


def test_sale_after_midnight_before_a_late_close(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sale rung up after midnight belongs to the next day even though the owner
    closes the previous day later; it is then counted exactly once."""
    w = world
    w.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")])
    today = _today(w)
    real_now = clock.now
    monkeypatch.setattr(clock, "now", lambda: real_now() + timedelta(days=1))
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6")])
    _close_all_shifts(w)
    day1 = close_day(w.db, w.owner, today).report
    assert day1.sales_count == 1 and day1.net == yuan("3.50")
    day2 = close_day(w.db, w.owner, today + timedelta(days=1)).report
    assert day2.sales_count == 1 and day2.net == yuan("6.00")
    with w.db.reader() as r:
        assert r.session.scalar(select(func.count()).select_from(Sale)) == 2


def test_bad_dates_and_permissions(world: World) -> None:
    w = world
    today = _today(w)
    with pytest.raises(ValidationError) as err:
        close_day(w.db, w.owner, today + timedelta(days=2))  # still to come past a midnight
    assert err.value.code == "date_in_future"
    with pytest.raises(PermissionDenied):
        close_day(w.db, w.cashier, today)
    with pytest.raises(PermissionDenied):
        day_report(w.db, w.cashier, today)
    with pytest.raises(ConflictError) as err:
        close_day(w.db, w.owner, today)  # the kit leaves shifts open
    assert err.value.code == "shifts_still_open" and "张收银" in err.value.message()
    _close_all_shifts(w)
    close_day(w.db, w.owner, today)
    with pytest.raises(ConflictError) as err:
        day_report(w.db, w.owner, today - timedelta(days=3))
    assert err.value.code == "day_folded"


def test_empty_day(world: World) -> None:
    w = world
    _close_all_shifts(w)
    rep = day_report(w.db, w.owner, _today(w))
    assert rep.sales_count == 0 and rep.net == Money(0) and rep.refunds == ()


def test_the_check_before_the_confirmation_refuses_as_the_close_would(world: World) -> None:
    """日结's first press asks check_day_close: open shifts are said then, not only
    after the confirming press; it writes nothing."""
    w = world
    today = _today(w)
    with pytest.raises(ConflictError) as err:
        check_day_close(w.db, w.owner, today)  # the kit leaves shifts open
    assert err.value.code == "shifts_still_open" and "张收银" in err.value.message()
    assert "（张收银）" in err.value.message() and "（" not in err.value.message("en")
    assert " (张收银)" in err.value.message("en")  # each language its own brackets
    with pytest.raises(ValidationError):
        check_day_close(w.db, w.owner, today + timedelta(days=2))  # still to come past a midnight
    with pytest.raises(PermissionDenied):
        check_day_close(w.db, w.cashier, today)
    _close_all_shifts(w)
    assert check_day_close(w.db, w.owner, today) is True
    with w.db.reader() as r:
        assert r.session.scalar(select(func.count()).select_from(DayClose)) == 0
    close_day(w.db, w.owner, today)
    assert check_day_close(w.db, w.owner, today) is False  # closed already


def test_a_shift_left_open_is_said_with_the_way_out_and_closed_for_the_cashier(
        world: World) -> None:
    """The refusal says how (the cashier closes it, or 代交班 on the day close page);
    once the manager has closed the cashier's shift for them, the day closes."""
    w = world
    today = _today(w)
    for actor in (w.manager, w.owner):
        shifts.close_shift(w.db, actor, {TenderKind.CASH: yuan("200")})
    with pytest.raises(ConflictError) as err:
        check_day_close(w.db, w.owner, today)
    assert err.value.message().endswith("请先由该收银员交班，或在日结页面用“代交班”结束")
    assert err.value.message("en").endswith(
        "Have the cashier close their shift, or close it for them with \"Close for them\" "
        "on the Day close page")
    left = shifts.current_shift(w.db, w.cashier)
    assert left is not None
    closed = shifts.close_shift_for(w.db, w.manager, left.shift_no, {TenderKind.CASH: yuan("200")})
    assert closed.staff_name == "张收银"
    assert close_day(w.db, w.owner, today).report.close_no == 1
