"""Every time a report shows is the shop's wall-clock time (shop.timezone_offset_minutes),
in the day-close report (previews, sealed closes, their exports) as in the others.

The shop here is in Beijing (+480): a sale at 08:11 UTC is 16:11 on its receipt and
must be 16:11 in every report; UTC output would be eight hours off."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from memberdesk.models import DayClose
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.reports.document import Document
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.cart import CartLine
from memberdesk.services.closing.day_close import close_day, day_report
from memberdesk.services.reporting import codec
from memberdesk.services.reporting.day_report import DayReport, in_shop_time
from memberdesk.services.reporting.documents import day_document
from memberdesk.services.reporting.export import export_document
from memberdesk.services.reporting.sales_detail import sales_detail, sales_detail_document
from memberdesk.services.reporting.shift_report import shift_document, shift_report
from memberdesk.services.shared import clock
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import World, build_world, yuan

SHOP = "好邻居便利店"


class Clock:
    def __init__(self) -> None:
        self.at = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def shop_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock()
    monkeypatch.setattr(clock, "now", c)
    yield c


def _export(doc: Document, tmp: Path, name: str) -> tuple[dict[str, list[list[Any]]], str]:
    xlsx, pdf = tmp / f"{name}.xlsx", tmp / f"{name}.pdf"
    export_document(doc, xlsx=xlsx, pdf=pdf)
    wb = CalamineWorkbook.from_path(str(xlsx))
    sheets = {n: wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names}
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return sheets, text


def _generated(sheets: dict[str, list[list[Any]]]) -> Any:
    return next(r[1] for r in sheets["汇总"] if r and r[0] == "生成时间")


def _close_all_shifts(w: World) -> None:
    for actor in (w.cashier, w.manager, w.owner):
        cur = shifts.current_shift(w.db, actor)
        if cur is not None:
            shifts.close_shift(w.db, actor, {a.kind: a.expected or Money(0) for a in cur.amounts
                                             if a.kind is TenderKind.CASH})


def test_day_report_times_are_shop_time(db, staff, shop_clock: Clock,  # type: ignore[no-untyped-def]
                                        tmp_path: Path) -> None:
    w = build_world(db, staff)
    # A business day after today's set-up, in UTC: 16:11 Beijing is 08:11 UTC.
    day = (shop_clock.at + timedelta(hours=8)).date() + timedelta(days=1)

    def at(hh: int, mm: int, d: date = day) -> datetime:  # UTC
        return datetime.combine(d, time(hh, mm), tzinfo=UTC)

    shop_clock.at = at(8, 11)
    sale = w.sell([CartLine(product="BEER", qty=2), CartLine(amount=yuan("5"))],
                  [(TenderKind.CASH, "17")])
    assert sale.receipt.issued_at == f"{day} 16:11:00"
    shop_clock.at = at(8, 17)
    w.refund(sale.sale_no, lines=((1, 2),), reason="酒是温的")  # the beer; the plain amount stays
    shop_clock.at = at(12, 30)
    _close_all_shifts(w)
    shop_clock.at = at(13, 0)  # 21:00 in the shop
    closed = close_day(w.db, w.owner, day).report

    # The DTO: refund and shift times, the window's end.
    assert closed.refunds[0].at == datetime.combine(day, time(16, 17))
    assert closed.until == datetime.combine(day, time(21, 0))
    assert all(s.closed_at == datetime.combine(day, time(20, 30)) for s in closed.shifts)
    assert any(p.name == "直接收款" and p.code == "" for p in closed.top_products)
    # The sealed JSON keeps UTC instants (and the offset); read back it shows shop time.
    with w.db.reader() as r:
        stored = json.loads(r.session.scalar(select(DayClose.report_json)))
    assert stored["refunds"][0]["at"].startswith(f"{day}T08:17") and stored["until"].endswith(
        "+00:00")
    assert stored["utc_offset_minutes"] == 480
    shop_clock.at = at(13, 5)
    assert day_report(w.db, w.owner, day) == closed
    assert check_database(w.db) == []

    # The exports, read back with calamine and pdftotext (UI and CLI pass clock.now()).
    sheets, text = _export(day_document(closed, SHOP, clock.now()), tmp_path, "day")
    assert _generated(sheets) == datetime.combine(day, time(21, 5))
    refund_row = sheets["退款与反结账"][1]
    assert refund_row[-1] == datetime.combine(day, time(16, 17))
    assert f"{day} 21:05" in text and f"{day} 13:05" not in text
    assert f"{day} 16:17" in text and f"{day} 08:17" not in text
    assert f"至 {day} 21:00 的全部业务" in "".join(sheets["汇总"][-1][:1])

    # The next morning's preview starts at the last close, in shop time.
    tomorrow = day + timedelta(days=1)
    shop_clock.at = at(2, 0, tomorrow)  # 10:00 in the shop
    preview = day_report(w.db, w.owner, tomorrow)
    assert preview.since == datetime.combine(day, time(21, 0))
    sheets, text = _export(day_document(preview, SHOP, clock.now()), tmp_path, "preview")
    note = "".join(r[0] for r in sheets["汇总"] if r and isinstance(r[0], str)
                   and r[0].startswith("统计范围"))
    assert f"上次日结（{day} 21:00）" in note and f"至 {tomorrow} 10:00" in note
    assert _generated(sheets) == datetime.combine(tomorrow, time(10, 0))
    assert f"{tomorrow} 10:00" in text and f"{tomorrow} 02:00" not in text

    # The other reports, from the same clock: same times, same format.
    with sales_detail(w.db, w.owner, day, day) as rep:
        assert rep.generated_at == datetime.combine(tomorrow, time(10, 0))
        rows = list(rep.lines())
        assert {r.at for r in rows} == {datetime.combine(day, time(16, 11))}
        assert "直接收款" in {r.name for r in rows}
        sheets, text = _export(sales_detail_document(rep, SHOP, rep.generated_at), tmp_path, "sd")
    assert _generated(sheets) == datetime.combine(tomorrow, time(10, 0))
    assert f"{tomorrow} 10:00" in text and f"{day} 16:11" in text
    no = closed.shifts[0].shift_no
    shift = shift_report(w.db, w.owner, no)
    assert shift.closed_at == datetime.combine(day, time(20, 30))
    _, text = _export(shift_document(shift, SHOP, shift.generated_at), tmp_path, "shift")
    assert f"至 {day} 20:30" in text or f"至{day} 20:30" in text


def test_a_close_sealed_without_its_offset_shows_todays_offset() -> None:
    """Closes sealed before the offset was recorded read back in the shop's time too."""
    until = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    old = codec.dumps(_empty(until))
    data = json.loads(old)
    del data["utc_offset_minutes"]
    rep = codec.loads(DayReport, json.dumps(data))
    assert rep.utc_offset_minutes is None and rep.until == until
    shown = in_shop_time(rep, timedelta(minutes=480))
    assert shown.until == datetime(2026, 11, 23, 21, 0) and shown.utc_offset_minutes == 480
    assert in_shop_time(shown, timedelta(minutes=480)) == shown  # converting twice is harmless
    doc = day_document(shown, SHOP, datetime(2026, 11, 23, 13, 5, tzinfo=UTC))
    assert doc.generated_at == datetime(2026, 11, 23, 21, 5)
    assert "至 2026-11-23 21:00 的全部业务" in doc.note


def _empty(until: datetime) -> DayReport:
    z = Money(0)
    return DayReport(
        close_no=1, business_date=until.date(), since=None, until=until, sales_count=0,
        gross=z, discounts=(), net=z, sales_by_tender=(), refunds_count=0, refunds_total=z,
        refunds_by_tender=(), refunds=(), recharges_count=0, recharges_principal=z,
        recharges_bonus=z, recharges_bonus_points=0, recharges_by_tender=(),
        takings_by_tender=(), shifts=(), sv_open_principal=z, sv_open_bonus=z,
        sv_close_principal=z, sv_close_bonus=z, sv_movements=(), points_open=0, points_close=0,
        points_movements=(), coupons=(), new_members=0, cashiers=(), top_products=(),
        top_categories=(), late_sales=0, utc_offset_minutes=0,
    )
