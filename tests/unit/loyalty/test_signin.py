"""Sign-in (签到, issue 12 item 4): once per member per shop business day, points from
the settings with an optional streak bonus, a points entry noted 签到, refused the
same day, allowed again at 00:30 shop time the next day (whatever the computer's
time zone), and ``db check`` after."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from memberdesk.domain import shoptime
from memberdesk.domain.signin import signin_points, streak_after
from memberdesk.models import AuditEntry, PointsEntry, PointsLot, SignIn
from memberdesk.models.enums import PointsKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.loyalty.signin import SignInResult, sign_in, signed_in_on
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import UserError
from tests.checkout_support.kit import World, build_world

DAY = date(2026, 3, 9)


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    w = build_world(db, staff)
    w.set_settings(signin__points=5, points__validity_days=30)
    return w


def shop_time(world: World, day: date, hour: int, minute: int = 0) -> datetime:
    """The UTC instant of the shop's local ``day`` at ``hour:minute``."""
    with world.db.reader() as uow:
        offset = clock.offset_minutes(uow.session)
    return shoptime.start_of_day(day, offset) + timedelta(hours=hour, minutes=minute)


def sign(world: World, at: datetime, member: str = "alice") -> SignInResult:
    with shoptime.frozen(at):
        return sign_in(world.db, world.cashier, world.members[member])


def refused(world: World, at: datetime, member: str = "alice") -> UserError:
    with pytest.raises(UserError) as info:
        sign(world, at, member)
    return info.value


def test_once_a_business_day_then_again_at_half_past_midnight(world: World) -> None:
    first = sign(world, shop_time(world, DAY, 23, 50))
    assert (first.business_date, first.streak, first.points, first.bonus,
            first.points_balance) == (DAY, 1, 5, 0, 5)
    err = refused(world, shop_time(world, DAY, 23, 59))
    assert err.code == "signin_twice" and "今日已签到" in err.message("zh_CN")
    assert "already signed in today" in err.message("en")
    with world.db.reader() as uow:
        assert signed_in_on(uow.session, world.members["alice"], DAY)
        assert not signed_in_on(uow.session, world.members["alice"], DAY + timedelta(days=1))
    again = sign(world, shop_time(world, DAY + timedelta(days=1), 0, 30))
    assert (again.business_date, again.streak) == (DAY + timedelta(days=1), 2)
    assert world.balances("alice")[2] == 10
    with world.db.reader() as uow:
        s = uow.session
        entries = s.scalars(select(PointsEntry).order_by(PointsEntry.id)).all()
        assert [(e.kind, e.delta, e.note) for e in entries] == [
            (PointsKind.BONUS, 5, "签到 2026-03-09"), (PointsKind.BONUS, 5, "签到 2026-03-10")]
        lot = s.scalars(select(PointsLot).order_by(PointsLot.id)).first()
        assert lot is not None and lot.expires_on == DAY + timedelta(days=30)
        assert [r.business_date for r in s.scalars(select(SignIn))] == [
            DAY, DAY + timedelta(days=1)]
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc())) == "signin"
    assert check_database(world.db) == []


def test_streak_bonus_and_a_missed_day(world: World) -> None:
    world.set_settings(signin__streak_days=3, signin__streak_bonus=20)
    got = [sign(world, shop_time(world, DAY + timedelta(days=d), 10)) for d in (0, 1, 2, 3)]
    assert [(r.streak, r.points, r.bonus) for r in got] == [
        (1, 5, 0), (2, 5, 0), (3, 5, 20), (4, 5, 0)]
    late = sign(world, shop_time(world, DAY + timedelta(days=5), 10))  # day 4 missed
    assert late.streak == 1
    assert world.balances("alice")[2] == 5 * 5 + 20


def test_sign_in_off_when_its_points_are_zero_and_an_unknown_member(world: World) -> None:
    world.set_settings(signin__points=0)
    assert refused(world, shop_time(world, DAY, 9)).code == "signin_off"
    world.set_settings(signin__points=5)
    with pytest.raises(UserError), shoptime.frozen(shop_time(world, DAY, 9)):
        sign_in(world.db, world.cashier, 9999)


def test_the_rules() -> None:
    assert streak_after(None, 0, DAY) == 1
    assert streak_after(DAY - timedelta(days=1), 6, DAY) == 7
    assert streak_after(DAY - timedelta(days=2), 6, DAY) == 1
    assert signin_points(5, 7, 7, 30) == (5, 30)
    assert signin_points(5, 8, 7, 30) == (5, 0)
    assert signin_points(5, 7, 0, 30) == (5, 0)


def test_the_points_report_counts_sign_ins_and_gifts(world: World) -> None:
    import uuid

    from memberdesk.services.loyalty.mall import RedeemRequest, redeem_gift, save_gift
    from memberdesk.services.reporting.points_report import points_document, points_report
    from memberdesk.services.stock.ledger import receive_stock

    sign(world, shop_time(world, DAY, 9))
    sign(world, shop_time(world, DAY, 9), member="bob")
    with shoptime.frozen(shop_time(world, DAY, 10)):
        world.give_points("alice", 1000)
        save_gift(world.db, world.owner, "CHIPS", 300)
        receive_stock(world.db, world.owner, "CHIPS", 3)
        redeem_gift(world.db, world.cashier, RedeemRequest(
            uuid.uuid4().hex, world.members["alice"], "CHIPS", 2))
        with points_report(world.db, world.owner, DAY, DAY) as rep:
            assert (rep.sign_ins, rep.sign_in_points, rep.gifts, rep.gift_points) == (
                2, 10, 1, 600)
            assert rep.redeemed == 0  # no points paid for a sale: the 600 went on gifts
            doc = points_document(rep, "店", rep.generated_at)
    summary = dict(doc.summary)
    assert summary["期内签到（次/积分）"] == "2 / 10"
    assert summary["期内兑换礼品（笔/积分）"] == "1 / 600"
