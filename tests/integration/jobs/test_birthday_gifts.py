"""Birthday gifts (issue 12, item 4): points and a coupon from a template, once a year
per member, on the birthday (29 February birthdays on 28 February in common years) or
in the birthday month; running twice or catching up days gives each gift once."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from memberdesk.models import AuditEntry, BirthdayGift, Coupon, Member, PointsEntry
from memberdesk.models.enums import CouponKind, PointsKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.coupons.core import CouponTemplateDraft, create_coupon_template
from memberdesk.services.jobs.runner import run_jobs
from memberdesk.services.loyalty import birthday
from memberdesk.services.loyalty.birthday import recent_gift
from memberdesk.services.loyalty.enrol import register_member
from tests.checkout_support.kit import World, yuan

from .conftest import ShopClock


def _born(w: World, **birthdays: date) -> None:
    with w.db.uow() as uow:
        for key, day in birthdays.items():
            uow.session.execute(update(Member).where(Member.id == w.members[key])
                                .values(birthday=day))
        uow.commit()


def _gifts(w: World) -> list[tuple[str, int, date, int, bool]]:
    name = {v: k for k, v in w.members.items()}
    with w.db.reader() as r:
        return [(name[m], y, d, p, c is not None) for m, y, d, p, c in r.session.execute(
            select(BirthdayGift.member_id, BirthdayGift.year, BirthdayGift.business_date,
                   BirthdayGift.points, BirthdayGift.coupon_id)
            .order_by(BirthdayGift.business_date, BirthdayGift.member_id))]


def _template(w: World) -> None:
    create_coupon_template(w.db, w.owner, CouponTemplateDraft(
        "BDAY", "生日券 满50减10", CouponKind.AMOUNT_OFF, value=yuan("10"),
        min_spend=yuan("50"), valid_days=30))


def test_once_a_year_on_the_birthday_29_february_on_the_28th_in_common_years(
    world: World, shop_clock: ShopClock
) -> None:
    w = world
    _template(w)
    w.set_settings(birthday__points=200, birthday__coupon_template="BDAY")
    _born(w, alice=date(1990, 3, 12), bob=date(1985, 2, 28), carol=date(2000, 2, 29))
    shop_clock.day = date(2027, 2, 20)
    run_jobs(w.db)
    assert _gifts(w) == []
    shop_clock.advance(10)  # off for ten days: caught up, 28 February included
    run_jobs(w.db)
    feb28 = date(2027, 2, 28)
    assert _gifts(w) == [("bob", 2027, feb28, 200, True), ("carol", 2027, feb28, 200, True)]
    assert run_jobs(w.db).runs == ()  # twice the same day: nothing more
    with w.db.reader() as r:
        notice = recent_gift(r.session, w.members["carol"], date(2027, 3, 2))
        coupons = r.session.scalars(select(Coupon.member_id)).all()
    assert notice is not None and (notice.on, notice.points, notice.coupon) == (feb28, 200, True)
    assert sorted(coupons) == sorted([w.members["bob"], w.members["carol"]])
    shop_clock.day = date(2028, 3, 13)  # a year later (2028 is a leap year)
    run_jobs(w.db)
    assert _gifts(w)[2:] == [
        ("alice", 2027, date(2027, 3, 12), 200, True),
        ("bob", 2028, date(2028, 2, 28), 200, True),
        ("carol", 2028, date(2028, 2, 29), 200, True),
        ("alice", 2028, date(2028, 3, 12), 200, True),
    ]
    with w.db.reader() as r:
        bonus = r.session.scalars(select(PointsEntry.delta).where(
            PointsEntry.kind == PointsKind.BONUS)).all()
        audited = r.session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "birthday.gifts")).all()
    named = sorted(g[0] for row in audited for g in json.loads(row)["gifts"])
    assert bonus == [200] * 6
    assert named == sorted([w.member(k).member_no for k in ("alice", "bob", "carol")] * 2)
    assert check_database(w.db) == []


def test_month_mode_gives_it_once_in_the_birthday_month(
    world: World, shop_clock: ShopClock
) -> None:
    w = world
    w.set_settings(birthday__mode="month", birthday__points=88)
    _born(w, alice=date(1990, 3, 25), bob=date(1991, 4, 2))
    day = shop_clock.day  # 10 March
    run_jobs(w.db)
    assert _gifts(w) == [("alice", 2026, day, 88, False)]
    shop_clock.advance(10)
    # A member who registers mid-month with a March birthday gets it the next run.
    w.members["dave"] = register_member(w.db, w.cashier, phone="13800000009", name="赵六",
                                        birthday=date(1999, 3, 1)).id
    run_jobs(w.db)
    assert _gifts(w) == [("alice", 2026, day, 88, False),
                         ("dave", 2026, day + timedelta(days=10), 88, False)]
    shop_clock.advance(25)  # into April: bob's month
    run_jobs(w.db)
    assert [g[0] for g in _gifts(w)] == ["alice", "dave", "bob"]
    assert w.balances("alice")[2] == 88


def test_nothing_set_gives_nothing(world: World, shop_clock: ShopClock) -> None:
    w = world
    _born(w, alice=shop_clock.day.replace(year=1990))
    run = [r for r in run_jobs(w.db).runs if r.job == "birthday_gifts"]
    assert run[0].counts == {"coupons": 0, "members": 0, "points": 0}
    assert _gifts(w) == []


def test_gifts_go_in_short_batches_and_a_cancelled_run_finishes_next_time(
    world: World, shop_clock: ShopClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Members due are found before the first write; each batch is its own short
    transaction (here one member each): between batches another connection takes the
    write lock at once. A run stopped half-way is not recorded; the next gives the rest,
    once."""
    w = world
    w.set_settings(birthday__points=10)
    day = shop_clock.day
    _born(w, alice=day.replace(year=1990), bob=day.replace(year=1991),
          carol=day.replace(year=1992))
    monkeypatch.setattr(birthday, "BATCH_MEMBERS", 1)
    path = w.db.paths.database if w.db.paths else None
    assert path is not None
    free: list[bool] = []

    def between_batches(done: int, total: int) -> bool:
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # raises "database is locked" if held
            free.append(True)
            other.execute("ROLLBACK")
        finally:
            other.close()
        return done < 2  # stop after the second batch

    result = run_jobs(w.db, step=between_batches)
    assert result.cancelled and free == [True, True]
    assert len(_gifts(w)) == 2
    again = [r for r in run_jobs(w.db).runs if r.job == "birthday_gifts"]
    assert again[0].counts == {"coupons": 0, "members": 1, "points": 10}
    assert [g[0] for g in _gifts(w)] == ["alice", "bob", "carol"]
    assert check_database(w.db) == []


def test_birthday_multiplier_doubles_the_points_of_a_birthday_sale_and_a_refund_takes_them_back(
    world: World, shop_clock: ShopClock
) -> None:
    """birthday.points_multiplier_permille on the birthday only (day mode), in the
    birthday month (month mode); on the receipt in both languages; the refund takes
    back exactly what the sale earned, doubled points included."""
    from memberdesk.models.enums import TenderKind
    from memberdesk.services.receipts.text import render_text

    w = world
    w.set_settings(birthday__points_multiplier_permille=2000)
    _born(w, alice=date(1990, 3, 12))
    shop_clock.day = date(2026, 3, 11)
    plain = w.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice")
    shop_clock.day = date(2026, 3, 12)
    double = w.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice")
    assert plain.points_earned > 0 and double.points_earned == 2 * plain.points_earned
    assert "生日积分 ×2" in render_text(double.receipt, 80)
    assert "Birthday points x2" in render_text(double.receipt, 80, "en")
    assert "生日积分" not in render_text(plain.receipt, 80)
    before = w.balances("alice")[2]
    w.refund(double.sale_no)
    assert w.balances("alice")[2] == before - double.points_earned
    w.set_settings(birthday__mode="month")
    shop_clock.day = date(2026, 3, 30)
    month = w.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice")
    shop_clock.day = date(2026, 4, 1)
    april = w.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice")
    assert (month.points_earned, april.points_earned) == (double.points_earned, plain.points_earned)
    assert check_database(w.db) == []
