"""Property tests of the pure pricing and earning code: the parts always add up."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from memberdesk.domain.points import points_for_value, value_of_points
from memberdesk.models.enums import CouponKind, CouponScope, TenderKind
from memberdesk.money import Money, allocate
from memberdesk.services.points.earning import earn_base, earn_points
from memberdesk.services.pricing.prices import (
    ROUNDING_MODES,
    CouponRule,
    LineInput,
    PointsRule,
    TierRule,
    price_cart,
)
from memberdesk.services.shared.errors import ValidationError

lines_st = st.lists(
    st.builds(
        LineInput,
        product_id=st.one_of(st.none(), st.integers(1, 4)),
        code=st.just("P"), description=st.just("x"),
        qty=st.integers(1, 20),
        unit_price=st.integers(0, 200_000).map(Money),
        category_path=st.lists(st.integers(1, 3), max_size=2).map(tuple),
        discountable=st.booleans(),
        member_price=st.one_of(st.none(), st.integers(0, 200_000).map(Money)),
        points_ratio_permille=st.integers(0, 3000),
    ),
    min_size=1, max_size=8,
)
coupon_st = st.builds(
    CouponRule,
    coupon_id=st.integers(1, 10_000), code=st.uuids().map(str), name=st.just("券"),
    kind=st.sampled_from(CouponKind), value=st.integers(1, 50_000).map(Money),
    percent_permille=st.integers(0, 999),
    max_discount=st.one_of(st.none(), st.integers(1, 50_000).map(Money)),
    min_spend=st.integers(0, 100_000).map(Money),
    scope=st.sampled_from(CouponScope),
    product_ids=st.frozensets(st.integers(1, 4), min_size=1, max_size=3),
    category_ids=st.frozensets(st.integers(1, 3), min_size=1, max_size=2),
    stackable=st.just(True),
)
tier_st = st.one_of(st.none(), st.builds(TierRule, tier_id=st.just(1), name=st.just("金卡"),
                                         discount_permille=st.integers(1, 1000),
                                         points_multiplier_permille=st.integers(0, 3000)))


@settings(max_examples=400, deadline=None)
@given(lines=lines_st, tier=tier_st, coupons=st.lists(coupon_st, max_size=3),
       rounding=st.sampled_from(ROUNDING_MODES),
       balance=st.integers(0, 1_000_000), rate=st.integers(1, 1000), pct=st.integers(0, 100))
def test_breakdown_parts_add_up(lines: list[LineInput], tier: TierRule | None,
                                coupons: list[CouponRule], rounding: str, balance: int,
                                rate: int, pct: int) -> None:
    try:
        bd = price_cart(lines, tier=tier, coupons=coupons, rounding=rounding,
                        points=PointsRule(balance, rate, 0, pct))
    except ValidationError as exc:
        assert exc.code in {"coupon_not_applicable", "coupon_min_spend", "coupon_duplicate"}
        return
    assert bd.gross == Money(sum(ln.unit_price.fen * ln.qty for ln in lines))
    assert bd.payable == bd.gross - bd.discount_total
    assert bd.payable == Money(sum(pl.net.fen for pl in bd.lines))
    assert bd.discount_total == Money(sum(d.amount.fen for d in bd.discounts))
    for d in bd.discounts:
        assert Money(sum(p.fen for p in d.per_line)) == d.amount
    for i, pl in enumerate(bd.lines):
        assert pl.net.fen >= 0
        assert pl.discount == Money(sum(d.per_line[i].fen for d in bd.discounts))
        assert pl.discount == Money(sum(x.amount.fen for x in pl.discounts))
    if rounding != "round_jiao":
        assert all(pl.net <= pl.gross for pl in bd.lines)  # nothing charged above list
    assert bd.points is not None
    q = bd.points
    assert 0 <= q.max_value.fen <= bd.payable.fen * pct // 100
    assert q.max_points <= balance
    assert value_of_points(q.max_points, rate) >= q.max_value


@settings(max_examples=300, deadline=None)
@given(value=st.integers(0, 10**9), rate=st.integers(1, 100_000))
def test_points_always_cover_the_value(value: int, rate: int) -> None:
    pts = points_for_value(Money(value), rate)
    assert value_of_points(pts, rate).fen >= value  # enough to pay it all
    assert pts == 0 or value_of_points(pts - 1, rate).fen < value  # and no point more


@settings(max_examples=300, deadline=None)
@given(lines=lines_st, paid=st.dictionaries(st.sampled_from(TenderKind), st.integers(0, 10**6)),
       mode=st.sampled_from(("paid_excl_points", "external_only", "payable")),
       per_yuan=st.integers(0, 10), mult=st.integers(0, 3000))
def test_line_points_add_up_to_the_sale(lines: list[LineInput], paid: dict[TenderKind, int],
                                        mode: str, per_yuan: int, mult: int) -> None:
    bd = price_cart(lines)
    tenders = {k: Money(v) for k, v in paid.items()}
    base = earn_base(bd.payable, tenders, mode)
    assert 0 <= base.fen <= bd.payable.fen
    pts = earn_points(bd.lines, base, per_yuan, mult)
    assert len(pts) == len(bd.lines) and all(p >= 0 for p in pts)
    if base.fen and per_yuan and mult and any(pl.net.fen for pl in bd.lines):
        shares = allocate(base, [pl.net.fen for pl in bd.lines])
        exact = sum(b.fen * per_yuan * pl.points_ratio_permille * mult
                    for b, pl in zip(shares, bd.lines, strict=True))
        assert sum(pts) == exact // (100 * 1000 * 1000)  # the floor of the exact total
    else:
        assert sum(pts) == 0
