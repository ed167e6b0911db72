"""Every report exported to real .xlsx and .pdf files, read back with independent tools
(python-calamine, poppler) and compared with the DTOs they came from."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.reports.document import Document
from memberdesk.services.reporting.coupon_report import coupon_document, coupon_report
from memberdesk.services.reporting.export import export_document
from memberdesk.services.reporting.labels import label
from memberdesk.services.reporting.liability import liability_document, liability_report
from memberdesk.services.reporting.points_report import points_document, points_report
from memberdesk.services.reporting.sales_detail import sales_detail, sales_detail_document
from memberdesk.services.reporting.shift_report import shift_document, shift_report
from memberdesk.services.reporting.statement import member_statement, statement_document
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import World, build_world, yuan
from tests.unit.reporting.busy import Busy, busy_day, shift_no

SHOP = "好邻居便利店"


@pytest.fixture
def busy(db, staff) -> Busy:  # type: ignore[no-untyped-def]
    return busy_day(build_world(db, staff))


def _export(doc: Document, tmp: Path, name: str) -> tuple[dict[str, list[list[Any]]], str]:
    xlsx, pdf = tmp / f"{name}.xlsx", tmp / f"{name}.pdf"
    assert export_document(doc, xlsx=xlsx, pdf=pdf) == [xlsx, pdf]
    wb = CalamineWorkbook.from_path(str(xlsx))
    sheets = {n: wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names}
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout.replace(" ", "")
    assert doc.title.replace(" ", "") in text and SHOP in text and "第1页/共" in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                    str(tmp / name)], check=True)
    assert next(tmp.glob(f"{name}-*1.png")).stat().st_size > 5000
    assert not list(tmp.glob("*.partial"))
    return sheets, text


def _fen(value: Any) -> int:
    """A money cell as read back: an exact two-decimal number."""
    assert isinstance(value, float | int), value
    return round(value * 100)


def _summary(sheets: dict[str, list[list[Any]]]) -> dict[str, Any]:
    return {r[0]: r[1] for r in sheets["汇总"] if len(r) >= 2 and r[0]}


def test_shift(busy: Busy, tmp_path: Path) -> None:
    w = busy.w
    no = shift_no(w, w.cashier)
    shifts.close_shift(w.db, w.cashier, {TenderKind.CASH: yuan("150")})
    rep = shift_report(w.db, w.owner, no)
    sheets, text = _export(shift_document(rep, SHOP, rep.generated_at), tmp_path, "shift")
    summary = _summary(sheets)
    assert summary["班次"] == no and _fen(summary["销售额（退款前）"]) == rep.summary.sales_total.fen
    assert summary["销售笔数"] == rep.summary.sales_count
    tenders = sheets["收款方式"]
    assert tenders[0] == ["方式", "销售", "充值", "退款", "合计"]
    assert [(r[0], _fen(r[1]), _fen(r[4])) for r in tenders[1:-1]] == [
        (label(t.kind), t.sales.fen, t.net.fen) for t in rep.tenders]
    cash = next(c for c in rep.summary.amounts if c.kind is TenderKind.CASH)
    row = next(r for r in sheets["交班核对"] if r[0] == "现金")
    assert cash.variance is not None and _fen(row[3]) == cash.variance.fen
    assert "交班报表" in text and cash.variance.display() in text and "现金存取" in text


def test_statement(busy: Busy, tmp_path: Path) -> None:
    w = busy.w
    with member_statement(w.db, w.owner, w.member("alice").member_no) as st:
        sheets, text = _export(statement_document(st, SHOP, st.generated_at), tmp_path, "st")
        rows = list(st.sv_rows())
    sv = sheets["储值流水"]
    assert sv[0][:4] == ["时间", "类型", "单号", "本金变动"]
    assert len(sv) == 1 + len(rows) + 1  # header, rows, totals
    for got, want in zip(sv[1:-1], rows, strict=True):
        assert isinstance(got[0], datetime) and abs(got[0] - want.at) < timedelta(seconds=1)
        assert (got[1], got[2]) == (label(want.kind), want.reference)
        assert [_fen(v) for v in got[3:8]] == [
            want.principal.fen, want.bonus.fen, want.principal_after.fen, want.bonus_after.fen,
            (want.principal_after + want.bonus_after).fen]
    assert _fen(sv[-1][7]) == st.sv_close.fen
    assert _fen(_summary(sheets)["期末储值 合计"]) == st.sv_close.fen
    assert "会员对账单" in text and "储值流水" in text and st.sv_close.display() in text


def test_liability(busy: Busy, tmp_path: Path) -> None:
    w = busy.w
    rep = liability_report(w.db, w.manager)
    sheets, text = _export(liability_document(rep, SHOP, rep.generated_at), tmp_path, "li")
    table = sheets["会员储值余额"]
    assert [(r[0], _fen(r[3]), _fen(r[4]), _fen(r[5])) for r in table[1:-1]] == [
        (r.member_no, r.principal.fen, r.bonus.fen, r.total.fen) for r in rep.rows]
    assert _fen(table[-1][5]) == rep.total.fen
    assert "储值负债" in text and rep.total.display() in text


def test_points(busy: Busy, tmp_path: Path) -> None:
    w = busy.w
    with points_report(w.db, w.owner) as rep:
        sheets, text = _export(points_document(rep, SHOP, rep.generated_at), tmp_path, "pts")
        members = list(rep.rows())
    table = sheets["会员积分"]
    assert [(r[0], r[3], r[4]) for r in table[1:-1]] == [
        (m.member_no, m.balance, m.expiring) for m in members]
    carol = next(r for r in table if r[0] == w.member("carol").member_no)
    assert isinstance(carol[5], date)
    assert table[-1][3] == rep.outstanding
    assert _summary(sheets)["期内发放"] == rep.issued
    assert "积分报表" in text and f"{rep.outstanding:,}" in text


def test_coupons(busy: Busy, tmp_path: Path) -> None:
    w = busy.w
    rep = coupon_report(w.db, w.owner, busy.today, busy.today)
    sheets, text = _export(coupon_document(rep, SHOP, rep.generated_at), tmp_path, "cp")
    table = sheets["按券模板"]
    assert table[1][:4] == ["GIFT5", "5元券", 3, 1] and _fen(table[1][8]) == rep.discount.fen
    assert "优惠券报表" in text and "5元券" in text and rep.discount.display() in text


def test_sales(busy: Busy, tmp_path: Path) -> None:
    w = busy.w
    with sales_detail(w.db, w.owner, busy.today, busy.today) as rep:
        sheets, text = _export(sales_detail_document(rep, SHOP, rep.generated_at), tmp_path,
                               "sales")
        lines = list(rep.lines())
    detail = sheets["销售明细"]
    assert detail[0] == ["营业日", "单号", "时间", "收银员", "会员编号", "商品编码", "商品名称",
                         "数量", "单价", "优惠", "实收"]
    assert [(r[1], r[6], r[7], _fen(r[8]), _fen(r[10])) for r in detail[1:-1]] == [
        (x.sale_no, x.name, x.qty, x.unit_price.fen, x.net.fen) for x in lines]
    assert detail[1][0] == busy.today and isinstance(detail[1][7], int | float)
    assert _fen(detail[-1][10]) == rep.net.fen
    tenders = sheets["收款方式"]
    assert _fen(tenders[-1][1]) == Money(sum(m.fen for _, m in rep.by_tender)).fen
    assert "销售明细" in text and "可口可乐" in text and rep.net.display() in text
    assert text.count("单号") >= 1


def test_empty_range_exports(db, staff, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w: World = build_world(db, staff)
    day = date(2020, 1, 1)
    with sales_detail(w.db, w.owner, day, day) as rep:
        sheets, text = _export(sales_detail_document(rep, SHOP, rep.generated_at), tmp_path, "e")
    assert sheets["销售明细"] == [["营业日", "单号", "时间", "收银员", "会员编号", "商品编码",
                                   "商品名称", "数量", "单价", "优惠", "实收"]]
    assert "无数据" in text
