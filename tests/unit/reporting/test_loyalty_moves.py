"""The loyalty engine in the day close and the points report (issue 12, section 7):
sign-ins, gifts redeemed and reversed, referral rewards given and taken back, points
expired and tier changes, the same figures in the report, its workbook (read back
with calamine) and its PDF (text and a rendered page), in zh_CN and English; a second
close counts none of them again."""

from __future__ import annotations

import subprocess
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from memberdesk.domain.tiers import TierReason
from memberdesk.models.enums import TenderKind
from memberdesk.services.catalog import products as catalog
from memberdesk.services.closing.day_close import close_day, day_report
from memberdesk.services.jobs.runner import run_jobs
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.loyalty.mall import (
    RedeemRequest,
    redeem_gift,
    reverse_redemption,
    save_gift,
)
from memberdesk.services.loyalty.signin import sign_in
from memberdesk.services.loyalty.tiers import set_member_tier
from memberdesk.services.reporting.documents import day_document
from memberdesk.services.reporting.export import export_document
from memberdesk.services.reporting.loyalty_moves import LoyaltyMoves
from memberdesk.services.reporting.points_report import points_document, points_report
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.stock.ledger import receive_stock
from tests.checkout_support.kit import World, build_world, yuan
from tests.integration.jobs.conftest import DAY, ShopClock

EXPECTED = LoyaltyMoves(
    sign_ins=2, sign_in_points=10, gifts=2, gift_points=200, gifts_reversed=1,
    gift_points_returned=100, referral_rewards=2, referral_points=50, referral_taken_back=50,
    points_expired=40, tier_changes=((TierReason.MANUAL, 1),))


@pytest.fixture
def shop_clock():  # type: ignore[no-untyped-def]
    from memberdesk.domain import shoptime

    c = ShopClock()
    with shoptime.frozen(c):
        yield c


@pytest.fixture
def world(db, staff, shop_clock: ShopClock) -> World:  # type: ignore[no-untyped-def]
    w = build_world(db, staff)
    w.set_settings(signin__points=5, referral__min_spend_fen=1000,
                   referral__referrer_points=30, referral__member_points=20)
    catalog.create_product(db, w.owner, catalog.ProductDraft(
        code="MUG", name="马克杯", price=yuan("20"), category_id=w.categories["services"]))
    save_gift(db, w.owner, "MUG", 100)
    receive_stock(db, w.manager, "MUG", 5)
    return w


def _a_loyal_day(w: World) -> None:
    w.give_points("carol", 40, days=-1)  # a lot already past its date: today's job expires it
    run_jobs(w.db)
    w.give_points("alice", 1000)
    for key in ("alice", "bob"):
        sign_in(w.db, w.cashier, w.members[key])
    first, _second = (redeem_gift(w.db, w.cashier, RedeemRequest(
        uuid.uuid4().hex, w.members["alice"], "MUG", 1)) for _ in range(2))
    reverse_redemption(w.db, w.manager, first.redemption_no, "换成别的")
    newcomer = register_member(w.db, w.cashier, phone="13900001111", name="赵六",
                               referrer_no=w.member("alice").member_no)
    w.members["zhao"] = newcomer.id
    sale = w.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="zhao")
    w.refund(sale.sale_no)
    set_member_tier(w.db, w.owner, w.member("carol").member_no, "gold", reason="老顾客")


def _read_back(doc: Any, tmp: Path, name: str) -> tuple[list[list[Any]], str]:
    xlsx, pdf = tmp / f"{name}.xlsx", tmp / f"{name}.pdf"
    export_document(doc, xlsx=xlsx, pdf=pdf)
    wb = CalamineWorkbook.from_path(str(xlsx))
    sheet = wb.get_sheet_by_name("会员权益" if doc.lang.startswith("zh") else "Loyalty").to_python()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp / name)], check=True)
    return sheet, text


def _by_row(sheet: list[list[Any]]) -> dict[str, tuple[Any, Any]]:
    return {r[0]: (r[1], r[2]) for r in sheet[1:]}


def test_the_day_close_counts_each_loyalty_move_once(world: World, shop_clock: ShopClock,
                                                     tmp_path: Path) -> None:
    _a_loyal_day(world)
    rep = day_report(world.db, world.owner, DAY)
    assert rep.loyalty == EXPECTED
    zh, text = _read_back(day_document(rep, "店", rep.until), tmp_path, "day")
    rows = _by_row(zh)
    assert zh[0] == ["项目", "笔数", "积分"]
    assert rows["签到"] == (2, 10) and rows["积分兑换礼品"] == (2, -200)
    assert rows["兑换撤销"] == (1, 100) and rows["推荐奖励发放"] == (2, 50)
    assert rows["推荐奖励扣回"][1] == -50 and rows["积分过期"][1] == -40
    assert rows["会员等级手工调整"][0] == 1 and rows["会员等级升级"][0] == 0
    assert "会员权益" in text.replace(" ", "") and "推荐奖励扣回" in text.replace(" ", "")
    en, text = _read_back(day_document(rep, "Shop", rep.until, "en"), tmp_path, "day_en")
    rows = _by_row(en)
    assert rows["Sign-ins"] == (2, 10) and rows["Referral rewards taken back"][1] == -50
    assert rows["Tier changes: set by hand"][0] == 1
    assert "Loyalty" in text and "Gifts redeemed" in text
    assert len(list(tmp_path.glob("day-*.png"))) >= 1

    for actor in (world.cashier, world.manager, world.owner):
        shifts.close_shift(world.db, actor, {TenderKind.CASH: yuan("200")})
    closed = close_day(world.db, world.owner, DAY)
    assert closed.report.loyalty == EXPECTED  # the sealed close reads them back
    shop_clock.advance(1)
    assert day_report(world.db, world.owner, DAY + timedelta(days=1)).loyalty == LoyaltyMoves(
        points_expired=0)  # nothing counted twice


def test_the_points_report_has_the_same_figures(world: World, tmp_path: Path) -> None:
    _a_loyal_day(world)
    with points_report(world.db, world.owner, DAY, DAY) as rep:
        assert rep.loyalty == EXPECTED
        assert (rep.sign_ins, rep.gifts, rep.gift_points) == (2, 2, 200)
        sheet, text = _read_back(points_document(rep, "店", rep.generated_at), tmp_path, "pts")
    assert _by_row(sheet)["推荐奖励发放"] == (2, 50)
    assert "会员权益" in text.replace(" ", "")


def test_the_daily_jobs_score_visits_on_both_engines(world: World, shop_clock: ShopClock) -> None:
    """The analytics refresh, the last-but-one daily job, reads each member's distinct
    visit days (PostgreSQL has no GROUP_CONCAT: it failed there, so no day's jobs could
    be recorded on a network shop)."""
    from sqlalchemy import select

    from memberdesk.models import MemberScore

    w = world
    for _ in range(2):
        w.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice")
        shop_clock.advance(1)
    w.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice")  # the same day twice
    run_jobs(w.db)
    with w.db.reader() as r:
        f = r.session.scalar(select(MemberScore.f).where(
            MemberScore.member_id == w.members["alice"]))
    assert f == 3  # sales with a net spend in the window (two on the last day)
