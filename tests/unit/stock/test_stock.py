"""Light inventory (issue 11, item 2): the stock ledger and its cache, goods received
and counts, the sale and refund movements posted inside checkout and refunds, the
below-zero setting both ways, and ``db check`` catching a tampered cache."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import func, select, text

from memberdesk.models import AuditEntry, StockEntry, StockKind, StockLevel
from memberdesk.models.enums import TenderKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.shared.errors import PermissionDenied, UserError
from memberdesk.services.stock.ledger import (
    count_stock,
    receive_stock,
    set_low_stock,
    stock_of,
    stop_tracking,
)
from tests.checkout_support.kit import World, build_world, snapshot


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)


def entries(world: World, code: str) -> list[tuple[StockKind, int, int, str]]:
    pid = world.products[code].id
    with world.db.reader() as uow:
        return [(e.kind, e.delta, e.on_hand_after, e.note) for e in uow.session.scalars(
            select(StockEntry).where(StockEntry.product_id == pid).order_by(StockEntry.id))]


def refused(fn: Any, *args: Any, **kw: Any) -> UserError:
    with pytest.raises(UserError) as info:
        fn(*args, **kw)
    return info.value


def test_receive_and_count_post_entries_and_keep_the_cache(world: World) -> None:
    assert not stock_of(world.db, "COLA").tracked
    info = receive_stock(world.db, world.manager, "COLA", 24, "康师傅配送 单号 A17")
    assert (info.tracked, info.on_hand) == (True, 24)
    info = receive_stock(world.db, world.manager, "COLA", 12)
    assert info.on_hand == 36
    info = count_stock(world.db, world.owner, "COLA", 33, "月末盘点 破损 3 瓶")
    assert info.on_hand == 33
    count_stock(world.db, world.owner, "COLA", 33, "复盘")  # no difference: still recorded
    assert entries(world, "COLA") == [
        (StockKind.RECEIVE, 24, 24, "康师傅配送 单号 A17"), (StockKind.RECEIVE, 12, 36, ""),
        (StockKind.COUNT, -3, 33, "月末盘点 破损 3 瓶"), (StockKind.COUNT, 0, 33, "复盘")]
    # the first count of an untracked product is its opening
    count_stock(world.db, world.owner, "BEER", 10, "开始管库存")
    assert entries(world, "BEER") == [(StockKind.OPENING, 10, 10, "开始管库存")]
    with world.db.reader() as uow:
        actions = [a for (a,) in uow.session.execute(
            select(AuditEntry.action).where(AuditEntry.action.like("stock.%"))
                .order_by(AuditEntry.id))]
    assert actions == ["stock.receive", "stock.receive", "stock.count", "stock.count",
                       "stock.count"]
    assert check_database(world.db) == []


def test_sales_and_refunds_move_stock_in_their_own_transaction(world: World) -> None:
    receive_stock(world.db, world.owner, "COLA", 10)
    receive_stock(world.db, world.owner, "CHIPS", 5)
    sale = world.sell([("COLA", 2), ("CHIPS", 1), ("COLA", 3), ("BEER", 4)],
                      [(TenderKind.CASH, "100")])
    assert stock_of(world.db, "COLA").on_hand == 5  # two lines of one product: one entry
    assert stock_of(world.db, "CHIPS").on_hand == 4
    assert not stock_of(world.db, "BEER").tracked  # untracked: nothing moves
    assert entries(world, "COLA")[-1] == (StockKind.SALE, -5, 5, sale.sale_no)
    assert entries(world, "BEER") == []
    world.refund(sale.sale_no, lines=((1, 1),))  # one cola back on the shelf
    assert stock_of(world.db, "COLA").on_hand == 6
    kind, delta, after, note = entries(world, "COLA")[-1]
    assert (kind, delta, after) == (StockKind.REFUND, 1, 6) and sale.sale_no in note
    world.refund(sale.sale_no)  # the rest
    assert stock_of(world.db, "COLA").on_hand == 10
    assert stock_of(world.db, "CHIPS").on_hand == 5
    with world.db.reader() as uow:
        refund_ids = set(uow.session.scalars(select(StockEntry.refund_id).where(
            StockEntry.kind == StockKind.REFUND)))
    assert len(refund_ids) == 2 and None not in refund_ids
    assert check_database(world.db) == []


def test_below_zero_is_allowed_by_default(world: World) -> None:
    receive_stock(world.db, world.owner, "COLA", 1)
    world.sell([("COLA", 3)], [(TenderKind.CASH, "20")])
    assert stock_of(world.db, "COLA").on_hand == -2
    assert stock_of(world.db, "COLA").low
    assert entries(world, "COLA")[-1][:3] == (StockKind.SALE, -3, -2)
    assert check_database(world.db) == []


def test_below_zero_refused_when_the_setting_says_so(world: World) -> None:
    world.set_settings(stock__allow_negative=False)
    receive_stock(world.db, world.owner, "COLA", 2)
    receive_stock(world.db, world.owner, "CHIPS", 9)
    before = snapshot(world.db)
    e = refused(world.sell, [("CHIPS", 1), ("COLA", 3)], [(TenderKind.CASH, "50")])
    assert e.message() == "“可口可乐 330ml”库存不足：现有 2件，这单要 3件（设置不允许负库存销售）"
    assert e.message("en") == ("Not enough “可口可乐 330ml” in stock: 2 on hand, this sale "
                               "needs 3 (the settings do not allow selling below zero)")
    assert snapshot(world.db) == before  # nothing of the sale, CHIPS untouched too
    world.sell([("COLA", 2), ("BEER", 5)], [(TenderKind.CASH, "50")])  # exactly enough; BEER untracked
    assert stock_of(world.db, "COLA").on_hand == 0


def test_bad_requests_are_refused_with_one_clear_message(world: World) -> None:
    for qty in (0, -1, 1_000_001, "3", 2.5, True):
        e = refused(receive_stock, world.db, world.owner, "COLA", qty)
        assert e.code == "stock_bad_quantity"
    assert refused(receive_stock, world.db, world.owner, "COLA", 0).message() == (
        "入库数量“0”应为 1 到 1,000,000 之间的整数")
    assert refused(count_stock, world.db, world.owner, "COLA", -1, "x").message("en") == (
        "The counted quantity “-1” must be a whole number from 0 to 1,000,000")
    assert refused(count_stock, world.db, world.owner, "COLA", 5, "  \u200b ").code == (
        "stock_count_reason")
    assert refused(receive_stock, world.db, world.owner, "NOPE", 1).code == "product_not_found"
    with pytest.raises(PermissionDenied):
        receive_stock(world.db, world.cashier, "COLA", 1)
    with pytest.raises(PermissionDenied):
        count_stock(world.db, world.cashier, "COLA", 1, "x")
    assert refused(stop_tracking, world.db, world.owner, "COLA").code == "stock_not_tracked"
    with world.db.reader() as uow:
        assert uow.session.scalar(select(StockEntry.id)) is None


def test_services_have_no_stock(world: World) -> None:
    from memberdesk.services.catalog.admin import edit_product

    edit_product(world.db, world.owner, "WASH", is_service=True)
    e = refused(receive_stock, world.db, world.owner, "WASH", 1)
    assert e.message() == "“精洗一次”是服务项目，不管库存"
    world.sell([("WASH", 1)], [(TenderKind.CASH, "30")])
    assert entries(world, "WASH") == []


def test_low_stock_threshold_and_stop_tracking(world: World) -> None:
    receive_stock(world.db, world.owner, "COLA", 10)
    info = set_low_stock(world.db, world.manager, "COLA", 10)
    assert info.low_at == 10 and info.low
    assert not set_low_stock(world.db, world.manager, "COLA", 9).low
    assert set_low_stock(world.db, world.manager, "COLA", None).low_at is None
    info = stop_tracking(world.db, world.owner, "COLA")
    assert not info.tracked
    world.sell([("COLA", 4)], [(TenderKind.CASH, "20")])
    assert stock_of(world.db, "COLA").on_hand == 10  # frozen while not tracked
    info = count_stock(world.db, world.owner, "COLA", 6, "重新开始管库存")
    assert info.tracked and info.on_hand == 6
    assert entries(world, "COLA")[-1] == (StockKind.OPENING, -4, 6, "重新开始管库存")
    assert check_database(world.db) == []


def test_db_check_catches_a_tampered_cache_and_the_ledger_refuses_edits(world: World) -> None:
    receive_stock(world.db, world.owner, "COLA", 10)
    world.sell([("COLA", 3)], [(TenderKind.CASH, "20")])
    with world.db.uow() as uow:
        uow.session.execute(text("UPDATE stock_levels SET on_hand = 70"))
        uow.commit()
    problems = check_database(world.db)
    assert [(p.check, p.message) for p in problems] == [
        ("stock", "product COLA (可口可乐 330ml): 70 on hand but its stock ledger sums to 7")]
    with pytest.raises(Exception, match="append-only"), world.db.uow() as uow:
        uow.session.execute(text("UPDATE stock_entries SET delta = 100"))
    with pytest.raises(Exception, match="append-only"), world.db.uow() as uow:
        uow.session.execute(text("DELETE FROM stock_entries"))
    with world.db.reader() as uow:
        level = uow.session.scalar(select(StockLevel).where(  # the shop's one store's
            StockLevel.product_id == world.products["COLA"].id))
        assert level is not None and level.on_hand == 70


def test_the_report_flags_sales_below_zero_and_lists_low_stock(world: World) -> None:
    from memberdesk.services.reporting.stock_report import stock_document, stock_report

    receive_stock(world.db, world.owner, "COLA", 2)
    receive_stock(world.db, world.owner, "CHIPS", 50)
    set_low_stock(world.db, world.owner, "CHIPS", 5)
    sale = world.sell([("COLA", 3), ("CHIPS", 1)], [(TenderKind.CASH, "30")])
    rep = stock_report(world.db, world.manager)
    assert [(ln.code, ln.on_hand, ln.low) for ln in rep.lines] == [("CHIPS", 49, False),
                                                                   ("COLA", -1, True)]
    assert (rep.tracked, rep.low) == (2, 1)
    assert [(b.sale_no, b.code, b.qty, b.on_hand_after) for b in rep.below_zero] == [
        (sale.sale_no, "COLA", 3, -1)]
    assert rep.movements == ((StockKind.RECEIVE, 52, 2), (StockKind.SALE, -4, 2))
    low = stock_report(world.db, world.owner, low_only=True)
    assert [ln.code for ln in low.lines] == ["COLA"]
    doc = stock_document(rep, "测试便利店", rep.generated_at, "en")
    stock_rows = list(doc.tables[0].rows())
    assert stock_rows[1][-1] == "Below zero" and doc.tables[0].title == "Stock on hand"
    assert next(iter(doc.tables[2].rows()))[1] == sale.sale_no
    zh = stock_document(low, "测试便利店", low.generated_at)
    assert zh.title == "库存报表" and zh.tables[0].title == "低库存商品"
    with pytest.raises(PermissionDenied):
        stock_report(world.db, world.cashier)
    later = world.today() + timedelta(days=400)  # (29 February under the shifted clock)
    assert stock_report(world.db, world.owner, later, later).below_zero == ()


def test_the_stock_list_pages_by_code_and_filters_low(world: World) -> None:
    from memberdesk.services.stock.views import count_stock_rows, list_stock, product_movements

    receive_stock(world.db, world.owner, "COLA", 5)
    set_low_stock(world.db, world.owner, "COLA", 5)
    receive_stock(world.db, world.owner, "BEER", 9)
    first = list_stock(world.db, limit=2)
    assert [r.code for r in first.rows] == ["BEER", "CHIPS"] and first.more
    rest = list_stock(world.db, after="CHIPS", limit=10)
    assert [r.code for r in rest.rows] == ["CIG", "COLA", "WASH"] and not rest.more
    chips = first.rows[1]
    assert (chips.tracked, chips.on_hand, chips.low) == (False, None, False)
    assert [r.code for r in list_stock(world.db, low_only=True).rows] == ["COLA"]
    assert [r.code for r in list_stock(world.db, search="kkkl").rows] == ["COLA"]
    assert list_stock(world.db, search="qdpj", low_only=True).rows == ()
    assert count_stock_rows(world.db) == (2, 1)
    sale = world.sell([("COLA", 2)], [(TenderKind.CASH, "20")])
    moves = product_movements(world.db, "COLA")
    assert moves.row.on_hand == 3
    assert [(m.kind, m.delta, m.on_hand_after, m.document, m.staff) for m in moves.movements] == [
        (StockKind.SALE, -2, 3, sale.sale_no, "张收银"), (StockKind.RECEIVE, 5, 5, "", "王老板")]


def test_typed_quantities_are_whole_numbers() -> None:
    from memberdesk.domain.stock import parse_quantity

    assert parse_quantity("12", allow_zero=False) == 12
    assert parse_quantity(" １２ ", allow_zero=False) == 12
    assert parse_quantity("1,200", allow_zero=False) == 1200
    assert parse_quantity("0", allow_zero=True) == 0
    for bad in ("0", "-1", "1.5", "1e3", "", "abc", "٣", "1000001", "²"):
        assert parse_quantity(bad, allow_zero=False) is None, bad


_STEP = st.one_of(
    st.tuples(st.just("receive"), st.sampled_from(["COLA", "BEER"]), st.integers(1, 30)),
    st.tuples(st.just("count"), st.sampled_from(["COLA", "BEER"]), st.integers(0, 30)),
    st.tuples(st.just("sell"), st.sampled_from(["COLA", "BEER", "CHIPS"]), st.integers(1, 5)),
    st.tuples(st.just("refund"), st.just(""), st.integers(1, 3)),
    st.tuples(st.just("untrack"), st.sampled_from(["COLA", "BEER"]), st.just(0)),
)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(_STEP, min_size=1, max_size=8), allow_negative=st.booleans())
def test_any_sequence_keeps_on_hand_equal_to_its_ledger(
        world: World, steps: list[tuple[str, str, int]], allow_negative: bool) -> None:
    """Whatever happens in whatever order (refused sales included), every product's
    on-hand is the sum of its entries, each entry's after is the running sum, and a
    product never goes below zero when the setting forbids it."""
    world.set_settings(stock__allow_negative=allow_negative)
    with world.db.reader() as uow:  # the world lives on from one example to the next
        first = (uow.session.scalar(select(func.max(StockEntry.id))) or 0) + 1
    sold: list[str] = []
    for op, code, n in steps:
        try:
            if op == "receive":
                receive_stock(world.db, world.owner, code, n)
            elif op == "count":
                count_stock(world.db, world.owner, code, n, "抽查")
            elif op == "sell":
                sold.append(world.sell([(code, n)], [(TenderKind.CASH, "200")]).sale_no)
            elif op == "refund" and sold:
                world.refund(sold[-1], lines=((1, 1),))
            elif op == "untrack":
                stop_tracking(world.db, world.owner, code)
        except UserError as exc:
            assert exc.code in ("stock_short", "stock_not_tracked", "already_refunded",
                                "refund_exceeds_sold"), exc.code
    assert [p for p in check_database(world.db) if p.check.startswith("stock")] == []
    if not allow_negative:
        with world.db.reader() as uow:
            lowest = uow.session.scalar(select(func.min(StockEntry.on_hand_after)).where(
                StockEntry.kind == StockKind.SALE, StockEntry.id >= first))
        assert lowest is None or lowest >= 0


def test_the_below_zero_setting_is_on_the_settings_page() -> None:
    from memberdesk.services.shared.setting_specs import SPECS

    spec = SPECS["stock.allow_negative"]
    assert (spec.default, spec.kind, spec.section) == (True, "bool", "checkout")
    assert spec.label_in("zh_CN") == "允许负库存销售"
    assert spec.label_in("en") == "Sell below zero stock"
