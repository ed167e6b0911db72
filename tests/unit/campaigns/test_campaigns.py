"""Coupon campaigns: the segment minus the hold-out gets one coupon each, a rerun
issues nothing twice, a crash or a cancel midway then a rerun issues each coupon
exactly once, the counter's checkout takes such a coupon, and the report (read back
from its xlsx) shows redemption and the difference to the hold-out."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from memberdesk.domain.campaigns import held_out, rate_permille
from memberdesk.models import AuditEntry, CampaignMember, Coupon, CouponTemplate
from memberdesk.models.enums import CouponStatus, TenderKind
from memberdesk.money import Money
from memberdesk.services.campaigns import coupon_campaigns as campaigns_svc
from memberdesk.services.campaigns.coupon_campaigns import (
    CampaignRequest,
    create_campaign,
    list_campaigns,
    run_campaign,
)
from memberdesk.services.campaigns.segments import save_segment
from memberdesk.services.coupons import core as coupons
from memberdesk.services.members.filter import MemberFilter
from memberdesk.services.reporting.campaign_report import campaign_document, campaign_report
from memberdesk.services.reporting.export import export_document
from memberdesk.services.shared.errors import ConflictError, PermissionDenied, ValidationError
from tests.checkout_support.kit import World

from .conftest import DAY, ShopClock, add_members


def _audience(w: World) -> dict[int, tuple[bool, str | None]]:
    """member id -> (held out, coupon code) for every campaign member row."""
    with w.db.reader() as uow:
        rows = uow.session.execute(
            select(CampaignMember.member_id, CampaignMember.held_out, Coupon.code)
            .outerjoin(Coupon, Coupon.id == CampaignMember.coupon_id)).all()
    return {m: (bool(h), c) for m, h, c in rows}


def _coupons_per_member(w: World) -> dict[int, int]:
    with w.db.reader() as uow:
        tid = uow.session.scalar(select(CouponTemplate.id).where(CouponTemplate.code == "BACK5"))
        return {int(m): int(n) for m, n in uow.session.execute(
            select(Coupon.member_id, func.count()).where(Coupon.template_id == tid)
            .group_by(Coupon.member_id))}


def _seed(w: World, name: str) -> str:
    from memberdesk.models import Campaign

    with w.db.reader() as uow:
        return str(uow.session.scalar(select(Campaign.seed).where(Campaign.name == name)))


@pytest.fixture
def crowd(world: World) -> list[int]:
    ids = add_members(world, 60)
    save_segment(world.db, world.manager, "普通会员", MemberFilter(tier_id=world.tiers["normal"]))
    create_campaign(world.db, world.manager, CampaignRequest("回店礼", "普通会员", "BACK5",
                                                             holdout_permille=200))
    return ids


def test_the_segment_minus_the_hold_out_gets_one_coupon_each(world: World, crowd: list[int]
                                                             ) -> None:
    w = world
    segment = {*crowd, w.members["alice"], w.members["carol"]}  # bob is gold
    steps: list[tuple[int, int]] = []
    res = run_campaign(w.db, w.manager, "回店礼", step=lambda d, t: steps.append((d, t)) or True)
    seed = _seed(w, "回店礼")
    expected_out = {m for m in segment if held_out(seed, m, 200)}
    assert 0 < len(expected_out) < len(segment) // 2  # 20% of 62 drawn, not none, not most
    audience = _audience(w)
    assert set(audience) == segment
    assert {m for m, (out, _) in audience.items() if out} == expected_out
    assert _coupons_per_member(w) == {m: 1 for m in segment - expected_out}
    assert all(code is not None for m, (out, code) in audience.items() if not out)
    assert (res.issued, res.held_out, res.reached, res.held_out_total, res.cancelled) == (
        len(segment) - len(expected_out), len(expected_out), len(segment) - len(expected_out),
        len(expected_out), False)
    assert steps and steps[-1] == (len(segment), len(segment))
    again = run_campaign(w.db, w.manager, "回店礼")
    assert (again.issued, again.held_out) == (0, 0)
    assert _coupons_per_member(w) == {m: 1 for m in segment - expected_out}
    row = list_campaigns(w.db, w.manager)[0]
    assert (row.reached, row.held_out, row.finished, row.template) == (
        len(segment) - len(expected_out), len(expected_out), True, "回店满30减5")
    with w.db.reader() as uow:
        batches = uow.session.scalar(select(func.count()).select_from(AuditEntry)
                                     .where(AuditEntry.action == "campaign.issue"))
    assert batches and batches >= 1


def test_a_crash_midway_then_a_rerun_issues_each_coupon_exactly_once(
        world: World, crowd: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    monkeypatch.setattr(campaigns_svc, "MAX_MEMBERS_PER_BATCH", 4)
    real = coupons.new_codes
    calls = {"n": 0}

    def crashing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 4:  # in the fourth chunk, after its codes were drawn
            raise RuntimeError("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(coupons, "new_codes", crashing)
    with pytest.raises(RuntimeError):
        run_campaign(w.db, w.manager, "回店礼")
    partial = _coupons_per_member(w)
    assert 0 < len(partial) <= 12 and set(partial.values()) == {1}  # whole chunks only
    assert len(_audience(w)) % 4 == 0  # three whole chunks of 4, none of the fourth
    assert set(partial) == {m for m, (out, _) in _audience(w).items() if not out}
    monkeypatch.setattr(coupons, "new_codes", real)
    run_campaign(w.db, w.manager, "回店礼")
    seed = _seed(w, "回店礼")
    segment = {*crowd, w.members["alice"], w.members["carol"]}
    assert _coupons_per_member(w) == {m: 1 for m in segment if not held_out(seed, m, 200)}


def test_cancel_keeps_what_was_issued_and_a_rerun_goes_on(
        world: World, crowd: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    monkeypatch.setattr(campaigns_svc, "MAX_MEMBERS_PER_BATCH", 5)
    first = run_campaign(w.db, w.manager, "回店礼", step=lambda d, t: False)
    first_batch = first.issued + first.held_out  # at most 5 (the time budget may cut it)
    assert first.cancelled and 1 <= first_batch <= 5
    assert first.reached + first.held_out_total == first_batch
    assert not list_campaigns(w.db, w.manager)[0].finished
    rest = run_campaign(w.db, w.manager, "回店礼")
    assert not rest.cancelled and rest.issued + rest.held_out == len(crowd) + 2 - first_batch
    assert set(_coupons_per_member(w).values()) == {1}


def test_bad_requests_and_permissions(world: World, crowd: list[int]) -> None:
    w = world
    for bad in (CampaignRequest("", "普通会员", "BACK5"),
                CampaignRequest("a", "普通会员", "BACK5", holdout_permille=950),
                CampaignRequest("a", "普通会员", "BACK5", days=0)):
        with pytest.raises(ValidationError):
            create_campaign(w.db, w.manager, bad)
    with pytest.raises(ConflictError):
        create_campaign(w.db, w.manager, CampaignRequest("回店礼", "普通会员", "BACK5"))
    with pytest.raises(PermissionDenied):
        run_campaign(w.db, w.cashier, "回店礼")
    assert _coupons_per_member(w) == {}


def test_checkout_takes_the_coupon_and_the_report_shows_the_hold_out_difference(
        world: World, crowd: list[int], shop_clock: ShopClock, tmp_path: Path) -> None:
    w = world
    run_campaign(w.db, w.manager, "回店礼")
    audience = _audience(w)
    reached = sorted(m for m, (out, _) in audience.items() if not out)
    held = sorted(m for m, (out, _) in audience.items() if out)
    by_id = {v: k for k, v in w.members.items()}
    shop_clock.go(3)
    code = audience[reached[0]][1]
    assert code is not None
    sale = w.sell([("WASH", 2)], [(TenderKind.CASH, "55.00")], member=by_id[reached[0]],
                  coupons=(code,))
    assert sale.payable == Money(5500)
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")], member=by_id[held[0]])
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")], member="bob")  # not in the segment
    with w.db.reader() as uow:
        assert uow.session.scalar(select(Coupon.status).where(Coupon.code == code)) \
            is CouponStatus.USED
    rep = campaign_report(w.db, w.manager, "回店礼")
    assert (rep.issued, rep.redeemed, rep.discount) == (len(reached), 1, Money(500))
    assert rep.reached.sales == Money(5500) and rep.held_out.sales == Money(600)
    per_reached = Money((5500 * 2 + len(reached)) // (2 * len(reached)))
    per_held = Money((600 * 2 + len(held)) // (2 * len(held)))
    assert rep.difference == per_reached - per_held
    assert (rep.first_day, (rep.last_day - rep.first_day).days) == (DAY, 29)
    doc = campaign_document(rep, "测试便利店", rep.generated_at, "zh_CN")
    path = tmp_path / "campaign.xlsx"
    export_document(doc, xlsx=path, pdf=tmp_path / "campaign.pdf")
    cells = [[c for c in row if c not in ("", None)]
             for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()]
    found = {row[0]: row[1] for row in cells if len(row) >= 2 and isinstance(row[0], str)}
    rate = rate_permille(1, len(reached))
    assert rate is not None
    assert found["核销张数"] == 1 and found["发券张数"] == len(reached)
    assert found["核销率"] == f"{rate // 10}.{rate % 10}%"
    assert found["对照组会员"] == len(held)
    assert found["人均差异"] == pytest.approx((per_reached - per_held).fen / 100)
    assert found["触达会员人均消费"] == pytest.approx(per_reached.fen / 100)
    assert (tmp_path / "campaign.pdf").stat().st_size > 1000
