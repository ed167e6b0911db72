"""Gross margin in the day report's top products (issue 11, item 1): the net quantity
at the product's cost, the gross profit and the margin; blank where the cost is not
known; a sealed close keeps the figures it was sealed with."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

from memberdesk.models.enums import TenderKind
from memberdesk.services.catalog.admin import edit_product
from memberdesk.services.closing.day_close import day_report
from tests.checkout_support.kit import World, yuan

from .test_day_report_net import (  # noqa: F401 (shop_clock and world: fixtures)
    DAY,
    Clock,
    _close,
    export,
    fen,
    pdf_line,
    shop_clock,
    world,
)


def test_top_products_show_gross_profit_and_margin_where_the_cost_is_known(
        world: World, shop_clock: Clock, tmp_path: Path) -> None:  # noqa: F811
    w = world
    edit_product(w.db, w.owner, "COLA", cost=yuan("2.00"))  # CHIPS and BEER: no cost
    shop_clock.at = datetime.combine(DAY, time(3, 0), tzinfo=UTC)
    sale = w.sell([("COLA", 3), ("CHIPS", 1)], [(TenderKind.CASH, "19.30")])
    w.refund(sale.sale_no, lines=((1, 2),), reason="多拿了")  # 1 cola left
    rep = _close(w, shop_clock)
    costs = {p.code: p.cost for p in rep.top_products}
    assert costs == {"CHIPS": None, "COLA": yuan("2.00")}

    sheets, text = export(rep, tmp_path, "margin")
    top = sheets["畅销商品（扣除退款）"]
    assert top[0][4:6] == ["毛利", "毛利率"]
    rows = {r[0]: r for r in top[1:]}
    assert fen(rows["COLA"][3]) == 350 and fen(rows["COLA"][4]) == 150
    assert rows["COLA"][5] == "42.9%"
    assert rows["CHIPS"][4:6] == ["", ""]  # no cost: nothing guessed
    assert pdf_line(text, "COLA").endswith("¥3.50¥1.5042.9%")
    en_sheets, _ = export(rep, tmp_path, "margin-en", "en")
    assert en_sheets["Top products after refunds"][0][4:6] == ["Gross profit", "Gross margin"]

    edit_product(w.db, w.owner, "COLA", cost=yuan("3.00"))
    sealed = day_report(w.db, w.owner, DAY)
    assert {p.code: p.cost for p in sealed.top_products}["COLA"] == yuan("2.00")
