"""A million sale lines through the real exporter read back identically (issue 16).

The rows are generated (a million sale lines in a database would take minutes to
insert), but everything after them is the export the owner runs: the sales detail's
document (``sales_detail_document``), the streamed workbook (``write_xlsx``: the
compiled row encoder, the zip entry). python-calamine reads the file back: the row
count, the sums of quantity and money to the fen, every cell of a row in every
5,000, the totals row. It costs about 35 s of CPU (measured: 34 s user time for the
whole pytest run; 250 s of wall time on the 2-core machine at load 15).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from python_calamine import CalamineWorkbook

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.reports.xlsx import write_xlsx
from memberdesk.services.reporting.common import DateRange, RowStream
from memberdesk.services.reporting.sales_detail import (
    SaleLineRow,
    SalesDetail,
    sales_detail_document,
)

LINES = 1_000_000
SAMPLE = 5_000
FIRST = date(2026, 1, 1)
CASHIERS = ("张收银", "李店长", "Ann & <Bob>")  # one to escape
NAMES = ("可口可乐 330ml", "乐事薯片 原味", "青岛啤酒", " 前后有空格 ", "直接收款")
PRICES = tuple(Money(p) for p in range(50, 5050, 50))
DISCOUNTS = tuple(Money(d) for d in range(0, 200, 10))


def line(i: int) -> SaleLineRow:
    """Sale line ``i`` (0-based): three lines a sale, 1,000 sales a day."""
    sale = i // 3
    price, discount = PRICES[i % len(PRICES)], DISCOUNTS[i % len(DISCOUNTS)]
    qty = i % 4 + 1
    at = datetime(2026, 1, 1, 8) + timedelta(days=sale // 1000, seconds=sale % 1000 * 40)
    return SaleLineRow(FIRST + timedelta(days=sale // 1000), f"S{sale:08d}", at,
                       CASHIERS[sale % 3], f"M{sale % 7000:06d}" if sale % 4 else "",
                       f"P{i % 2000:05d}" if i % 50 else "", NAMES[i % len(NAMES)], qty, price,
                       discount, Money(price.fen * qty - discount.fen))  # fmt: skip


def _report() -> tuple[SalesDetail, int]:
    """The report of the generated lines, and the sum of their unit prices in fen."""
    qty = net = discount = price = 0
    for i in range(LINES):
        r = line(i)
        qty, net, discount = qty + r.qty, net + r.net.fen, discount + r.discount.fen
        price += r.unit_price.fen

    def rows() -> Iterator[SaleLineRow]:
        return map(line, range(LINES))

    last = line(LINES - 1).business_date
    return SalesDetail(DateRange(FIRST, last), datetime(2026, 12, 3, 20), LINES // 3, LINES,
                       qty, Money(net + discount), Money(discount), Money(net),
                       ((TenderKind.CASH, Money(net)),), 0, Money(0),
                       RowStream(rows, lambda: True)), price  # fmt: skip


def test_a_million_lines_read_back_identically(tmp_path: Path) -> None:
    rep, prices = _report()
    out = tmp_path / "sales.xlsx"
    written = write_xlsx(sales_detail_document(rep, "基准测试店", rep.generated_at), out)
    assert written == LINES + 1  # the takings table's one row, then the lines

    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("销售明细")
    rows = sheet.iter_rows()
    assert next(rows)[:3] == ["营业日", "单号", "时间"]
    count = qty = price = disc = net = sampled = 0
    for i, got in zip(range(LINES), rows, strict=False):
        q, p, d, n = int(got[7]), round(got[8] * 100), round(got[9] * 100), round(got[10] * 100)
        qty, price, disc, net = qty + q, price + p, disc + d, net + n
        if i % SAMPLE == 0 or i == LINES - 1:
            want = line(i)
            assert (got[0], got[1], got[3], got[4], got[5], got[6]) == (
                want.business_date, want.sale_no, want.cashier, want.member_no, want.code,
                want.name), (i, got)  # fmt: skip
            assert abs(got[2] - want.at) < timedelta(milliseconds=1), (i, got)  # a float day
            assert (q, p, d, n) == (want.qty, want.unit_price.fen, want.discount.fen,
                                    want.net.fen), (i, got)  # fmt: skip
            assert all(type(v) is float for v in got[8:11]), got  # numbers, not text
            sampled += 1
        count += 1
    totals = next(rows)
    assert next(rows, None) is None
    assert count == LINES and sampled == LINES // SAMPLE + 1
    assert (qty, disc, net) == (rep.qty, rep.discount.fen, rep.net.fen)
    assert price == prices
    assert (totals[0], int(totals[7]), round(totals[9] * 100), round(totals[10] * 100)) == (
        "合计", rep.qty, rep.discount.fen, rep.net.fen)
