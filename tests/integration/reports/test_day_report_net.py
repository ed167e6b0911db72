"""The day report tells the truth about refunds (issue 9, item 5): sales, refunds and
net sales on separate lines, top products net of refunds, read back from the
exported .xlsx (python-calamine) and .pdf (pdftotext); and closes sealed before
this change still verify and read back (their top products said "before refunds")."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from memberdesk.models import DayClose
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.closing.day_close import close_day, day_report, report_hash
from memberdesk.services.reporting.day_report import DayReport
from memberdesk.services.reporting.documents import day_document
from memberdesk.services.reporting.export import export_document
from memberdesk.services.shared import clock
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import World, build_world, yuan

SHOP = "好邻居便利店"
DAY = date(2026, 3, 10)  # a fixed business day; the shop is in Beijing (+480)
SALES, REFUNDS, NET = "销售额（退款前）", "销售退款", "净销售额（销售额 - 退款）"


class Clock:
    def __init__(self) -> None:
        self.at = datetime.combine(DAY, time(2, 0), tzinfo=UTC)  # 10:00 in the shop

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def shop_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock()
    monkeypatch.setattr(clock, "now", c)
    yield c


@pytest.fixture
def world(db, staff, shop_clock: Clock) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)


def _close_all_shifts(w: World) -> None:
    for actor in (w.cashier, w.manager, w.owner):
        cur = shifts.current_shift(w.db, actor)
        if cur is not None:
            shifts.close_shift(w.db, actor, {a.kind: a.expected or Money(0) for a in cur.amounts
                                             if a.kind is TenderKind.CASH})


def _close(w: World, shop_clock: Clock) -> DayReport:
    shop_clock.at = datetime.combine(DAY, time(12, 0), tzinfo=UTC)  # 20:00 in the shop
    _close_all_shifts(w)
    return close_day(w.db, w.owner, DAY).report


def export(rep: DayReport, tmp: Path, name: str, lang: str = "zh_CN"
           ) -> tuple[dict[str, list[list[Any]]], str]:
    xlsx, pdf = tmp / f"{name}.xlsx", tmp / f"{name}.pdf"
    doc = day_document(rep, SHOP, clock.now(), lang) if lang != "zh_CN" else day_document(
        rep, SHOP, clock.now())
    export_document(doc, xlsx=xlsx, pdf=pdf)
    wb = CalamineWorkbook.from_path(str(xlsx))
    sheets = {n: wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names}
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                    str(tmp / name)], check=True)
    assert next(tmp.glob(f"{name}-*1.png")).stat().st_size > 5000
    return sheets, text


def fen(value: Any) -> int:
    assert isinstance(value, float | int), value
    return round(value * 100)


def summary(sheets: dict[str, list[list[Any]]], sheet: str = "汇总") -> dict[str, Any]:
    return {r[0]: r[1] for r in sheets[sheet] if len(r) >= 2 and r[0]}


def pdf_line(text: str, label: str) -> str:
    """The pdftotext line that starts with ``label`` (spaces squeezed out)."""
    lines = [ln.replace(" ", "") for ln in text.splitlines()]
    found = [ln for ln in lines if ln.startswith(label.replace(" ", ""))]
    assert len(found) == 1, (label, found)
    return found[0]


def test_a_day_whose_only_sale_was_refunded_has_no_net_sales(
        world: World, shop_clock: Clock, tmp_path: Path) -> None:
    w = world
    shop_clock.at = datetime.combine(DAY, time(3, 0), tzinfo=UTC)
    sale = w.sell([("BEER", 2), ("CHIPS", 1)], [(TenderKind.CASH, "20.80")])
    shop_clock.at = datetime.combine(DAY, time(3, 10), tzinfo=UTC)
    w.refund(sale.sale_no, reason="拿错了")
    rep = _close(w, shop_clock)

    assert rep.net == sale.payable == yuan("20.80")  # sales before refunds, as sealed
    assert rep.sale_refunds_total == yuan("20.80") and rep.sale_refunds_count == 1
    assert rep.net_sales == Money(0)
    assert rep.top_products == () and rep.top_categories == ()
    assert rep.top_after_refunds

    sheets, text = export(rep, tmp_path, "refunded")
    got = summary(sheets)
    assert "实收（净销售额）" not in got
    assert fen(got[SALES]) == 2080 and fen(got[REFUNDS]) == 2080 and fen(got[NET]) == 0
    assert sheets["畅销商品（扣除退款）"] == [["编码", "商品", "数量", "净销售额", "毛利", "毛利率"]]
    assert sheets["品类销售（扣除退款）"] == [["编码", "品类", "数量", "净销售额"]]
    assert pdf_line(text, NET).endswith("¥0.00")
    assert pdf_line(text, SALES).endswith("¥20.80")
    assert "青岛啤酒" not in text and "乐事薯片" not in text


def test_a_partial_refund_comes_off_the_top_products(
        world: World, shop_clock: Clock, tmp_path: Path) -> None:
    w = world
    shop_clock.at = datetime.combine(DAY, time(3, 0), tzinfo=UTC)
    sale = w.sell([("COLA", 3), ("CHIPS", 1)], [(TenderKind.CASH, "19.30")])
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")])
    shop_clock.at = datetime.combine(DAY, time(3, 10), tzinfo=UTC)
    refund = w.refund(sale.sale_no, lines=((1, 2),), reason="多拿了")  # 2 of the 3 colas
    assert refund.amount == yuan("7.00")
    rep = _close(w, shop_clock)

    assert rep.net == yuan("25.30") and rep.sale_refunds_total == yuan("7.00")
    assert rep.net_sales == yuan("18.30")
    assert [(p.code, p.qty, p.net) for p in rep.top_products] == [
        ("CHIPS", 1, yuan("8.80")), ("BEER", 1, yuan("6.00")), ("COLA", 1, yuan("3.50"))]
    cats = {p.name: (p.qty, p.net) for p in rep.top_categories}
    assert cats["饮料"] == (2, yuan("9.50")) and cats["零食"] == (1, yuan("8.80"))

    sheets, text = export(rep, tmp_path, "partial")
    got = summary(sheets)
    assert fen(got[SALES]) == 2530 and fen(got[REFUNDS]) == 700 and fen(got[NET]) == 1830
    top = sheets["畅销商品（扣除退款）"]
    assert [(r[0], r[2], fen(r[3])) for r in top[1:]] == [
        ("CHIPS", 1, 880), ("BEER", 1, 600), ("COLA", 1, 350)]
    assert pdf_line(text, NET).endswith("¥18.30")
    assert pdf_line(text, "COLA").endswith("1¥3.50")


def test_a_close_sealed_before_the_change_still_verifies_and_reads(
        world: World, shop_clock: Clock) -> None:
    """An old close's JSON has none of the new fields: its hash still holds, it reads
    back, its net sales come from its refund rows and its top products say they are
    before refunds."""
    w = world
    shop_clock.at = datetime.combine(DAY, time(3, 0), tzinfo=UTC)
    sale = w.sell([("BEER", 2)], [(TenderKind.CASH, "12.00")])
    w.refund(sale.sale_no, reason="拿错了")
    new = _close(w, shop_clock)
    with w.db.uow() as uow:
        row = uow.session.scalar(select(DayClose))
        assert row is not None
        data = json.loads(row.report_json)
        assert data["top_after_refunds"] is True
        del data["top_after_refunds"]
        # What the old code sealed: top products before refunds.
        data["top_products"] = [{"code": "BEER", "name": "青岛啤酒 500ml", "qty": 2, "net": 1200}]
        old_text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        uow.session.add(DayClose(
            close_no=2, business_date=date(2026, 3, 11), staff_id=row.staff_id, store_id=row.store_id,
            closed_at=row.closed_at, last_sale_id=row.last_sale_id,
            last_refund_id=row.last_refund_id, last_recharge_id=row.last_recharge_id,
            report_json=old_text, report_hash=report_hash(old_text)))
        uow.commit()
    assert check_database(w.db) == []
    assert day_report(w.db, w.owner, DAY) == new  # the new close reads back unchanged
    shop_clock.at = datetime.combine(date(2026, 3, 11), time(12, 0), tzinfo=UTC)
    old = day_report(w.db, w.owner, date(2026, 3, 11))
    assert not old.top_after_refunds and old.net_sales == Money(0)
    doc = day_document(old, SHOP, clock.now())
    titles = [t.title for t in doc.tables]
    assert "畅销商品（退款前）" in titles and "畅销商品（扣除退款）" not in titles
    assert dict(doc.summary)[NET] == Money(0)


def test_the_english_day_report_has_the_same_figures(
        world: World, shop_clock: Clock, tmp_path: Path) -> None:
    """Issue 9, item 6: the files follow the chosen language; the figures are those of
    the Chinese one; what the shop typed (shop, product and staff names) stays."""
    w = world
    shop_clock.at = datetime.combine(DAY, time(3, 0), tzinfo=UTC)
    sale = w.sell([("COLA", 3), ("CHIPS", 1)], [(TenderKind.CASH, "19.30")])
    w.refund(sale.sale_no, lines=((1, 2),), reason="多拿了")
    rep = _close(w, shop_clock)
    zh, _ = export(rep, tmp_path, "zh")
    en, en_text = export(rep, tmp_path, "en", "en")

    assert list(en) == ["Summary", "Discounts", "Takings by method", "Refunds", "Shift counts",
                        "Stored value movements", "Points movements", "Coupons", "Count card movements",
                        "Loyalty", "Cashiers",
                        "Top products after refunds", "Categories after refunds"]
    assert [fen(v) if isinstance(v, float) else v for v in summary(en, "Summary").values()][4:] \
        == [fen(v) if isinstance(v, float) else v for v in summary(zh).values()][4:]
    got = summary(en, "Summary")
    assert got["Shop"] == SHOP and got["Period"] == f"Business day {DAY}"
    assert fen(got["Net sales (sales - refunds)"]) == 1230 and fen(got["Sale refunds"]) == 700
    for sheet_zh, sheet_en in zip(list(zh)[1:], list(en)[1:], strict=True):
        numbers = [[fen(c) if isinstance(c, float) else c for c in r if not isinstance(c, str)]
                   for r in zh[sheet_zh][1:]]
        assert numbers == [[fen(c) if isinstance(c, float) else c for c in r
                            if not isinstance(c, str)] for r in en[sheet_en][1:]], sheet_en
    assert en["Top products after refunds"][0] == ["Code", "Product", "Qty", "Net sales",
                                                   "Gross profit", "Gross margin"]
    assert en["Top products after refunds"][1][:2] == ["CHIPS", "乐事薯片 原味 70g"]
    assert en["Takings by method"][1][0] == "cash" and en["Refunds"][1][1] == "sale refund"
    assert en["Refunds"][1][4] == "多拿了"  # the reason as typed
    assert "Day close report No. 1" in en_text and "Page 1 of" in en_text
    assert pdf_line(en_text, "Net sales (sales - refunds)").endswith("¥12.30")
    assert "日结" not in en_text and "汇总" not in en_text and "销售" not in en_text
