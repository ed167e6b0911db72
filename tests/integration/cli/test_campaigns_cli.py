"""Done means for issue 14's campaigns, on the demo shop through the command line: a
run issues coupons to the segment minus the hold-out, the counter's checkout takes
one, and the report's xlsx shows the redemption and the difference to the hold-out;
the segments commands count and export; mistakes are one line and exit code 1."""

from __future__ import annotations

import uuid
from pathlib import Path

from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.domain.campaigns import held_out
from memberdesk.models import Campaign, CampaignMember, Coupon
from memberdesk.models.enums import CouponStatus, TenderKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.checkout.sale import CheckoutRequest, checkout
from memberdesk.services.members.filter import MemberFilter, count_matching, matching_ids
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.staff.accounts import login
from tests.integration.cli.test_cli import run

OWNER = "owner123\n"


def _sheet(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def _seed_holding_out_some(data_dir: str, segment: MemberFilter) -> None:
    """Give the demo's campaign a seed whose 10% hold-out of ``segment`` keeps some
    members and reaches others: the demo draws its seed at random, and over a segment
    of about twenty members a random seed holds out nobody about one time in ten."""
    db = Database.open(DataPaths(Path(data_dir)))
    try:
        with db.uow() as uow:
            s = uow.session
            ids = matching_ids(s, segment)
            seed = next(f"test-{n}" for n in range(10_000)
                        if 0 < sum(held_out(f"test-{n}", m, 100) for m in ids) < len(ids))
            c = s.scalar(select(Campaign).where(Campaign.name == "回店礼"))
            assert c is not None
            c.seed = seed
            uow.commit()
    finally:
        db.close()


def test_demo_campaign_run_checkout_and_report(tmp_path: Path) -> None:
    d = str(tmp_path / "demo")
    r = run("demo", "--data-dir", d, "--members", "60", "--days", "6")
    assert r.returncode == 0, r.stderr
    r = run("segments", "count", "近30天到店会员", "--data-dir", d, "--user", "owner",
            stdin=OWNER)
    assert r.returncode == 0, r.stderr
    in_segment = int(r.stdout.split(":")[1].split()[0])
    assert in_segment > 10
    _seed_holding_out_some(d, MemberFilter(window_days=30, visits_min=1))
    r = run("campaigns", "run", "回店礼", "--data-dir", d, "--user", "owner", stdin=OWNER)
    assert r.returncode == 0, r.stderr
    assert "回店礼" in r.stdout and f"{in_segment}/{in_segment}" in r.stderr

    db = Database.open(DataPaths(Path(d)))
    try:
        with db.reader() as uow:
            s = uow.session
            c = s.scalar(select(Campaign).where(Campaign.name == "回店礼"))
            assert c is not None and c.holdout_permille == 100
            rows = s.execute(select(CampaignMember.member_id, CampaignMember.held_out,
                                    Coupon.code, Coupon.member_id)
                             .outerjoin(Coupon, Coupon.id == CampaignMember.coupon_id)).all()
            assert len(rows) == in_segment == count_matching(
                s, MemberFilter(window_days=30, visits_min=1))
            for member_id, out, code, owner_id in rows:
                assert out == held_out(c.seed, member_id, 100)
                assert (code is None) == out and (out or owner_id == member_id)
            per_member = s.execute(select(Coupon.member_id, func.count())
                                   .where(Coupon.template_id == c.template_id,
                                          Coupon.id.in_(select(CampaignMember.coupon_id)))
                                   .group_by(Coupon.member_id)).all()
            assert all(n == 1 for _, n in per_member)
        reached = [(m, code) for m, out, code, _ in rows if not out]
        held = [m for m, out, _, _ in rows if out]
        assert reached and held  # 10% of the segment held out (a seed that holds out some)
        owner = login(db, "owner", "owner123")
        shifts.open_shift(db, owner, Money(0))
        member_id, code = reached[0]
        cart = CartRequest((CartLine(amount=Money(6000), description="满50减5 测试"),),
                           member_id, (code,))
        payable = quote(db, owner, cart).payable
        assert payable == Money(5500)
        checkout(db, owner, CheckoutRequest(uuid.uuid4().hex, cart,
                                            (TenderRequest(TenderKind.CASH, payable),)))
        with db.reader() as uow:
            assert uow.session.scalar(select(Coupon.status).where(Coupon.code == code)) \
                is CouponStatus.USED
    finally:
        db.close()

    out = tmp_path / "campaign.xlsx"
    r = run("campaigns", "report", "回店礼", "--xlsx", str(out), "--data-dir", d, "--user",
            "owner", stdin=OWNER)
    assert r.returncode == 0, r.stderr
    found = {row[0]: row[1] for row in _sheet(out) if row and isinstance(row[0], str)
             and len(row) > 1}
    assert found["发券张数"] == len(reached) and found["核销张数"] == 1
    assert found["对照组会员"] == len(held)
    assert found["核销率"].endswith("%")
    diff = found["触达会员人均消费"] - found["对照组人均消费"]
    assert abs(found["人均差异"] - diff) < 0.005
    r = run("campaigns", "list", "--data-dir", d, "--user", "owner", stdin=OWNER)
    assert r.returncode == 0 and "回店礼" in r.stdout and "已完成" in r.stdout

    # a rerun issues nothing more
    r = run("campaigns", "run", "回店礼", "--data-dir", d, "--user", "owner", stdin=OWNER)
    assert r.returncode == 0 and "本次发券 0 张" in r.stdout


def test_segments_commands_and_mistakes(tmp_path: Path) -> None:
    d = str(tmp_path / "demo")
    assert run("demo", "--data-dir", d, "--members", "20", "--days", "3").returncode == 0
    r = run("segments", "list", "--data-dir", d, "--user", "owner", stdin=OWNER)
    assert r.returncode == 0 and r.stdout.startswith("近30天到店会员\t")
    out = tmp_path / "seg.xlsx"
    r = run("segments", "export", "近30天到店会员", "--xlsx", str(out), "--data-dir", d,
            "--user", "owner", stdin=OWNER)
    assert r.returncode == 0, r.stderr
    rows = _sheet(out)
    assert rows[0][0] == "会员编号" and len(rows) - 1 == int(r.stdout.split()[1])
    for args in (("campaigns", "run", "没有这个"), ("segments", "count", "没有这个"),
                 ("campaigns", "report", "没有这个")):
        r = run(*args, "--data-dir", d, "--user", "owner", stdin=OWNER)
        assert r.returncode == 1 and r.stderr.count("\n") == 1 and "找不到" in r.stderr
    r = run("campaigns", "run", "回店礼", "--data-dir", d, "--user", "cashier",
            stdin="cashier123\n")
    assert r.returncode == 1 and "Traceback" not in r.stderr
